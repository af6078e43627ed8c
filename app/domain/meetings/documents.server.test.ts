import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Uploads of this test file go to their own temporary folder (env is read when modules load).
const uploads = await vi.hoisted(async () => {
  const [nodeFs, nodePath, nodeOs] = await Promise.all([import("node:fs"), import("node:path"), import("node:os")]);
  const dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "concerta-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { db } from "~/lib/db.server";
import { romeToUtc } from "~/lib/dates";
import { users } from "~db/schema";
import { seedReference } from "../../../test/db";
import { createMeeting } from "./meetings.server";
import { detectDocumentType, DocumentTooLargeError, DocumentTypeError } from "~/domain/uploads/content";
import { uploadHandler } from "~/domain/uploads/receive.server";
import { safeFileName } from "~/domain/uploads/storage.server";
import { deleteDocument, documentResponse, getDocument, MAX_DOCUMENT_BYTES, parseDocumentUpload, storeDocument } from "./documents.server";

const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
// The start of a Windows executable ("MZ" header), as a renamed .exe would carry.
const FAKE_EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]), Buffer.alloc(2000, 0x41)]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** A lazily generated stream of `total` bytes starting with `head`; `pulled()` says how much was read. */
function lazyBytes(total: number, head: Uint8Array, chunk = 64 * 1024) {
  let produced = 0;
  async function* gen() {
    while (produced < total) {
      const size = Math.min(chunk, total - produced);
      const c = new Uint8Array(size);
      if (produced === 0) c.set(head.subarray(0, Math.min(head.length, size)));
      produced += size;
      yield c;
    }
  }
  return { data: gen(), pulled: () => produced };
}

function multipartBody(boundary: string, parts: { name: string; filename?: string; type?: string; content: Uint8Array | string }[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`));
    chunks.push(typeof p.content === "string" ? Buffer.from(p.content) : Buffer.from(p.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function uploadRequest(body: BodyInit, boundary: string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/gestione/incontri/1", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

let staffId: string;
let meetingId: number;

beforeAll(async () => {
  seedReference();
  staffId = randomUUID();
  db.insert(users).values({ id: staffId, email: "staff-docs@example.org", name: "Staff", role: "staff" }).run();
  const r = await createMeeting(staffId, {
    title: "Incontro con documenti",
    kind: "presentazione",
    processId: null,
    startsAt: romeToUtc("2027-04-01", "10:00"),
    endsAt: romeToUtc("2027-04-01", "12:00"),
    zoneId: null,
    strategyCodes: [],
    venueName: "Palazzo Isimbardi",
    venueAddress: null,
    lat: null,
    lon: null,
    onlineUrl: null,
    agenda: "",
    capacity: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    allowObservers: false,
  });
  meetingId = r.status === "saved" ? r.id : 0;
});

describe("what a file is, by its content", () => {
  it("recognizes PDF, PNG, JPEG and WebP signatures only", () => {
    expect(detectDocumentType(TINY_PDF)?.mime).toBe("application/pdf");
    expect(detectDocumentType(PNG_HEAD)?.mime).toBe("image/png");
    expect(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))?.mime).toBe("image/jpeg");
    expect(detectDocumentType(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"))?.mime).toBe("image/webp");
    expect(detectDocumentType(Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"))).toBeNull();
    expect(detectDocumentType(FAKE_EXE)).toBeNull();
    expect(detectDocumentType(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
  });
});

describe("the upload handler", () => {
  const handler = uploadHandler({ maxBytes: MAX_DOCUMENT_BYTES });

  it("refuses a .exe renamed .pdf (sent as application/pdf) by its content", async () => {
    await expect(handler({ name: "file", filename: "verbale.pdf", contentType: "application/pdf", data: once(FAKE_EXE) })).rejects.toBeInstanceOf(DocumentTypeError);
  });

  it("accepts a real tiny PDF", async () => {
    const file = await handler({ name: "file", filename: "odg.pdf", contentType: "application/pdf", data: once(TINY_PDF) });
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(TINY_PDF.length);
  });

  it("stops a 50 MB stream at the 10 MB limit, quickly, without reading (or keeping) the rest", async () => {
    const total = 50 * 1024 * 1024;
    const source = lazyBytes(total, Buffer.from("%PDF-1.7\n"));
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const started = performance.now();
    await expect(handler({ name: "file", filename: "enorme.pdf", contentType: "application/pdf", data: source.data })).rejects.toBeInstanceOf(DocumentTooLargeError);
    const elapsed = performance.now() - started;
    expect(source.pulled()).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES + 64 * 1024);
    expect(source.pulled()).toBeLessThan(total / 4);
    expect(elapsed).toBeLessThan(2000);
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    expect(grown).toBeLessThan(30 * 1024 * 1024);
  });

  it("in discard mode (what the server uses) it records the refusal and reads the rest without keeping it", async () => {
    const problems: string[] = [];
    const discarding = uploadHandler({ maxBytes: MAX_DOCUMENT_BYTES, onRefused: (p) => problems.push(p) });
    const total = 50 * 1024 * 1024;
    const source = lazyBytes(total, Buffer.from("%PDF-1.7\n"));
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const started = performance.now();
    expect(await discarding({ name: "file", filename: "enorme.pdf", contentType: "application/pdf", data: source.data })).toBeUndefined();
    expect(problems).toEqual(["tooLarge"]);
    expect(source.pulled()).toBe(total);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(30 * 1024 * 1024);
  });

  it("a file that is not a document is refused after its first bytes, not after reading it all", async () => {
    const source = lazyBytes(50 * 1024 * 1024, FAKE_EXE);
    await expect(handler({ name: "file", filename: "setup.pdf", contentType: "application/pdf", data: source.data })).rejects.toBeInstanceOf(DocumentTypeError);
    expect(source.pulled()).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("parsing the upload form", () => {
  const boundary = "----concertaTestBoundary";

  it("returns the title and the file", async () => {
    const body = multipartBody(boundary, [
      { name: "title", content: "Ordine del giorno" },
      { name: "file", filename: "odg.pdf", type: "application/pdf", content: TINY_PDF },
    ]);
    const r = await parseDocumentUpload(uploadRequest(body, boundary));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.title).toBe("Ordine del giorno");
  });

  it("keeps the typed title when the file is refused", async () => {
    const body = multipartBody(boundary, [
      { name: "title", content: "Programma" },
      { name: "file", filename: "programma.pdf", type: "application/pdf", content: FAKE_EXE },
    ]);
    expect(await parseDocumentUpload(uploadRequest(body, boundary))).toEqual({ ok: false, problem: "type", title: "Programma" });
  });

  it("refuses a request announcing more than 64 MB before reading it", async () => {
    const r = await parseDocumentUpload(uploadRequest(new Uint8Array(16), boundary, { "Content-Length": String(200 * 1024 * 1024) }));
    expect(r).toMatchObject({ ok: false, problem: "tooLarge" });
  });

  it("a 12 MB upload (announced): refused at the limit, the title kept", async () => {
    const body = multipartBody(boundary, [
      { name: "title", content: "Allegato pesante" },
      { name: "file", filename: "pesante.pdf", type: "application/pdf", content: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(12 * 1024 * 1024)]) },
    ]);
    const r = await parseDocumentUpload(uploadRequest(body, boundary, { "Content-Length": String(body.length) }));
    expect(r).toEqual({ ok: false, problem: "tooLarge", title: "Allegato pesante" });
  });

  it("refuses a 50 MB body sent without a length (chunked): read to the end, nothing kept, the title back", async () => {
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nGrande\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="grande.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    const source = lazyBytes(50 * 1024 * 1024, head);
    let ended = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await source.data.next();
        if (!done) return controller.enqueue(value);
        if (!ended) {
          ended = true;
          return controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        }
        controller.close();
      },
    });
    const started = performance.now();
    const r = await parseDocumentUpload(uploadRequest(stream, boundary));
    expect(r).toEqual({ ok: false, problem: "tooLarge", title: "Grande" });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("storing, downloading and deleting", () => {
  it("stores under the SHA-256, serves it as an attachment with its real type (nosniff comes from the server, see e2e)", async () => {
    const doc = await storeDocument(staffId, meetingId, { title: "Ordine del giorno", file: new File([TINY_PDF], "Ordine del giorno.PDF", { type: "application/pdf" }) });
    expect(doc).not.toBeNull();
    expect(doc!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(uploads, doc!.sha256))).toBe(true);
    expect(doc!.fileName).toBe("Ordine del giorno.pdf");

    const res = documentResponse((await getDocument(meetingId, doc!.id))!);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Ordine del giorno.pdf"; filename\*=UTF-8''Ordine%20del%20giorno.pdf$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(TINY_PDF)).toBe(true);
  });

  it("an image named .pdf is stored as the image it is", async () => {
    const png = Buffer.concat([PNG_HEAD, Buffer.alloc(100)]);
    const doc = await storeDocument(staffId, meetingId, { title: "Mappa", file: new File([png], "mappa.pdf") });
    expect(doc).toMatchObject({ mimeType: "image/png", fileName: "mappa.png" });
  });

  it("refuses a renamed executable even past the handler", async () => {
    await expect(storeDocument(staffId, meetingId, { title: "x", file: new File([FAKE_EXE], "x.pdf", { type: "application/pdf" }) })).rejects.toBeInstanceOf(DocumentTypeError);
  });

  it("deleting removes the file only when no other document shares it", async () => {
    const a = (await storeDocument(staffId, meetingId, { title: "A", file: new File([TINY_PDF, "a"], "a.pdf") }))!;
    const b = (await storeDocument(staffId, meetingId, { title: "B", file: new File([TINY_PDF, "a"], "b.pdf") }))!;
    expect(a.sha256).toBe(b.sha256);
    const file = path.join(uploads, a.sha256);
    expect(await deleteDocument(staffId, meetingId, a.id)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect(await deleteDocument(staffId, meetingId, b.id)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(await deleteDocument(staffId, meetingId, b.id)).toBe(false);
  });

  it("safe file names", () => {
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName('a"b<c>.exe', "png")).toBe("abc.png");
    expect(safeFileName("", "jpg")).toBe("documento.jpg");
  });
});
