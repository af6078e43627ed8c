import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// The stored files of this test go to a temporary folder of their own (env is read when modules load).
const uploads = await vi.hoisted(async () => {
  const [nodeFs, nodePath, nodeOs] = await Promise.all([import("node:fs"), import("node:path"), import("node:os")]);
  const dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "concerta-uploads-module-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { detectDocumentType, DocumentTooLargeError, DocumentTypeError, RefusedFileError } from "./content";
import { readUpload } from "./receive.server";
import { checkUpload, removeStored, safeFileName, saveUpload, storedFileResponse, storedPath } from "./storage.server";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), Buffer.alloc(64)]);
const WEBP = Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1");
const HTML = Buffer.from("<!doctype html><script>alert(1)</script>");
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00]), Buffer.alloc(100, 0x41)]);

const BOUNDARY = "----uploadsModuleBoundary";

function form(parts: { name: string; filename?: string; type?: string; content: Uint8Array | string }[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.from(p.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const body = Buffer.concat(chunks);
  return new Request("http://localhost/upload", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, "Content-Length": String(body.length) },
    body,
    duplex: "half",
  } as RequestInit);
}

const limits = { maxFileBytes: 1024, maxFiles: 2 };

describe("what a file is: by its content, never by its name or claimed type", () => {
  it("knows PDF, PNG, JPEG and WebP, and nothing else", () => {
    expect(detectDocumentType(PDF)).toEqual({ mime: "application/pdf", ext: "pdf" });
    expect(detectDocumentType(PNG)).toEqual({ mime: "image/png", ext: "png" });
    expect(detectDocumentType(JPEG)).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect(detectDocumentType(WEBP)).toEqual({ mime: "image/webp", ext: "webp" });
    expect(detectDocumentType(HTML)).toBeNull();
    expect(detectDocumentType(EXE)).toBeNull();
    expect(detectDocumentType(new Uint8Array(0))).toBeNull();
  });

  it("a checked file takes the extension of what it is", async () => {
    const checked = await checkUpload(new File([PNG], "pianta.pdf", { type: "application/pdf" }), { maxBytes: 1024 });
    expect(checked.type.mime).toBe("image/png");
    expect(checked.fileName).toBe("pianta.png");
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a page posing as a PDF is refused", async () => {
    await expect(checkUpload(new File([HTML], "relazione.pdf", { type: "application/pdf" }), { maxBytes: 1024 })).rejects.toBeInstanceOf(DocumentTypeError);
    const read = await readUpload(form([{ name: "file", filename: "relazione.pdf", type: "application/pdf", content: HTML }]), limits);
    expect(read).toMatchObject({ ok: false, problem: "type" });
  });
});

describe("limits", () => {
  it("a file over the limit is refused, by the reader and by the check", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2048)]);
    const read = await readUpload(form([{ name: "note", content: "testo scritto" }, { name: "file", filename: "grande.pdf", content: big }]), limits);
    expect(read).toEqual({ ok: false, problem: "tooLarge", fields: { note: "testo scritto" } });
    const error = await checkUpload(new File([big], "grande.pdf"), { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentTooLargeError);
    expect((error as RefusedFileError).problem).toBe("tooLarge");
  });

  it("one file too many is refused; empty file inputs do not count", async () => {
    const three = [1, 2, 3].map((i) => ({ name: "file", filename: `f${i}.pdf`, content: PDF }));
    expect(await readUpload(form(three), limits)).toMatchObject({ ok: false, problem: "tooMany" });
    const two = await readUpload(form([...three.slice(0, 2), { name: "file", filename: "", content: "" }]), limits);
    expect(two.ok && two.files.map((f) => f.name)).toEqual(["f1.pdf", "f2.pdf"]);
  });

  it("a file under another field name, or a text field of more than 4 KB, is malformed", async () => {
    expect(await readUpload(form([{ name: "other", filename: "a.pdf", content: PDF }]), limits)).toMatchObject({ ok: false, problem: "malformed" });
    expect(await readUpload(form([{ name: "note", content: "x".repeat(5000) }]), limits)).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("a body announced beyond 64 MB is refused before it is read", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, "Content-Length": String(100 * 1024 * 1024) },
      body: new Uint8Array(8),
      duplex: "half",
    } as RequestInit);
    expect(await readUpload(request, limits)).toEqual({ ok: false, problem: "tooLarge", fields: {} });
  });
});

describe("storage on disk", () => {
  it("writes the bytes once under their SHA-256, in the capability's folder, and removes them", async () => {
    const checked = await checkUpload(new File([PDF], "odg.pdf"), { maxBytes: 1024 });
    saveUpload("contributi", checked);
    saveUpload("contributi", checked);
    const file = path.join(uploads, "contributi", checked.sha256);
    expect(fs.readFileSync(file).equals(PDF)).toBe(true);
    expect(fs.readdirSync(path.join(uploads, "contributi"))).toEqual([checked.sha256]);
    removeStored("contributi", [checked.sha256]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a path traversal: only a SHA-256 names a stored file, only known folders hold them", () => {
    expect(() => storedPath("", "../../etc/passwd")).toThrow("bad upload hash");
    expect(() => storedPath("", `../${"a".repeat(64)}`)).toThrow("bad upload hash");
    expect(() => storedPath("../.." as never, "a".repeat(64))).toThrow("bad upload folder");
    expect(() => removeStored("contributi", ["../../important"])).toThrow("bad upload hash");
    expect(() => storedFileResponse("", { sha256: "../secret", fileName: "x.pdf", mimeType: "application/pdf" }, { cache: "public" })).toThrow();
    expect(storedPath("", "a".repeat(64))).toBe(path.join(uploads, "a".repeat(64)));
  });

  it("a user's file name never carries a path or control characters", () => {
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("..\\..\\windows\\system.ini", "pdf")).toBe("system.pdf");
    expect(safeFileName('a"b<c>\u0007.exe', "png")).toBe("abc.png");
    expect(safeFileName("", "jpg")).toBe("documento.jpg");
  });
});

describe("serving", () => {
  it("answers with the detected type, as an attachment, with the cache asked for", async () => {
    const checked = await checkUpload(new File([JPEG], "Foto del sopralluogo è.jpeg"), { maxBytes: 1024 });
    saveUpload("", checked);
    const res = storedFileResponse("", { sha256: checked.sha256, fileName: checked.fileName, mimeType: checked.type.mime }, { cache: "private" });
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Content-Length")).toBe(String(JPEG.length));
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="Foto del sopralluogo _.jpg"; filename*=UTF-8''${encodeURIComponent("Foto del sopralluogo è.jpg")}`);
    expect(res.headers.get("Cache-Control")).toBe("private, max-age=300");
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it("a file missing on disk is a 404", () => {
    let thrown: unknown;
    try {
      storedFileResponse("", { sha256: "b".repeat(64), fileName: "x.pdf", mimeType: "application/pdf" }, { cache: "public" });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
