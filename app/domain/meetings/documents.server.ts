import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { recordAudit } from "~/domain/moderation/audit.server";
import { meetingDocuments, meetings } from "~db/schema";

// Documents of a meeting (PDF or images) uploaded by staff. What a file is is decided by its
// first bytes, never by its name or the type the browser claims; the bytes are stored once
// under UPLOADS_DIR, named by their SHA-256.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Room for the multipart envelope and the title around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const MAX_TEXT_FIELD_BYTES = 4 * 1024;
/** After refusing a request we read and discard what the browser is still sending, up to this much, so it gets our answer. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export type DocumentType = { mime: "application/pdf" | "image/png" | "image/jpeg" | "image/webp"; ext: "pdf" | "png" | "jpg" | "webp" };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of a file from its magic bytes: PDF, PNG, JPEG or WebP, otherwise null. Needs the first 12 bytes. */
export function detectDocumentType(head: Uint8Array): DocumentType | null {
  if (startsWith(head, ascii("%PDF-"))) return { mime: "application/pdf", ext: "pdf" };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png" };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return { mime: "image/webp", ext: "webp" };
  return null;
}

export class DocumentTooLargeError extends Error {
  constructor() {
    super("document too large");
  }
}
export class DocumentTypeError extends Error {
  constructor() {
    super("document type not allowed");
  }
}

const SNIFF_BYTES = 12;

/**
 * An upload handler for `unstable_parseMultipartFormData` that keeps at most `maxBytes` of a file
 * in memory: past the limit it stops reading and throws DocumentTooLargeError; a file whose first
 * bytes are not a PDF/PNG/JPEG/WebP is refused (DocumentTypeError) before the rest is read.
 * Text fields are limited to a few KB.
 */
export function documentUploadHandler(opts: { maxBytes?: number } = {}): UploadHandler {
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  return async ({ name, filename, contentType, data }) => {
    const isFile = typeof filename === "string";
    if (isFile && name !== "file") throw new DocumentTypeError();
    const limit = isFile ? maxBytes : MAX_TEXT_FIELD_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let sniffed = !isFile;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) throw isFile ? new DocumentTooLargeError() : new DocumentTypeError();
      chunks.push(chunk);
      if (!sniffed && size >= SNIFF_BYTES) {
        if (!detectDocumentType(concat(chunks, SNIFF_BYTES))) throw new DocumentTypeError();
        sniffed = true;
      }
    }
    if (!isFile) return new TextDecoder().decode(concat(chunks, size));
    if (size === 0) return undefined; // no file chosen
    if (!sniffed && !detectDocumentType(concat(chunks, size))) throw new DocumentTypeError();
    return new File(chunks as BlobPart[], filename, { type: contentType });
  };
}

function concat(chunks: Uint8Array[], max: number) {
  const out = new Uint8Array(Math.min(max, chunks.reduce((n, c) => n + c.byteLength, 0)));
  let offset = 0;
  for (const c of chunks) {
    if (offset >= out.length) break;
    const part = c.subarray(0, out.length - offset);
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export type UploadProblem = "tooLarge" | "type" | "missing" | "malformed";
export type ParsedUpload = { ok: true; title: string; file: File } | { ok: false; problem: UploadProblem; title: string };

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let drained = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
      if (drained > MAX_DRAIN_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away: nothing to answer
  }
}

/**
 * Reads the document upload form (title + file). A request announcing more than the limit is
 * refused before reading it; otherwise the handler above stops at the limit. Either way the
 * rest of the body is read and discarded (never kept), so the browser receives the answer.
 */
export async function parseDocumentUpload(request: Request, opts: { maxBytes?: number } = {}): Promise<ParsedUpload> {
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const fields: Record<string, string> = {};
  const body = request.body;
  if (!body) return { ok: false, problem: "missing", title: "" };
  const reader = body.getReader();

  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) {
    await drain(reader);
    return { ok: false, problem: "tooLarge", title: "" };
  }

  // The parser reads through this stream; when it gives up, we still hold the reader to drain the rest.
  let total = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      total += value.byteLength;
      if (total > maxBytes + ENVELOPE_BYTES) return controller.error(new DocumentTooLargeError());
      controller.enqueue(value);
    },
  });
  const handler = documentUploadHandler({ maxBytes });
  const collecting: UploadHandler = async (part) => {
    const value = await handler(part);
    if (typeof value === "string") fields[part.name] = value;
    return value;
  };
  try {
    const form = await unstable_parseMultipartFormData(
      new Request(request.url, { method: "POST", headers: request.headers, body: limited, duplex: "half" } as RequestInit),
      collecting,
    );
    const file = form.get("file");
    const title = String(form.get("title") ?? "");
    if (!(file instanceof File) || file.size === 0) return { ok: false, problem: "missing", title };
    return { ok: true, title, file };
  } catch (error) {
    await drain(reader);
    const title = fields.title ?? "";
    if (error instanceof DocumentTooLargeError) return { ok: false, problem: "tooLarge", title };
    if (error instanceof DocumentTypeError) return { ok: false, problem: "type", title };
    return { ok: false, problem: "malformed", title };
  }
}

// ---------------------------------------------------------------- storage

function uploadsDir() {
  return path.resolve(env.UPLOADS_DIR);
}

function filePath(sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad document hash");
  return path.join(uploadsDir(), sha256);
}

/** A safe download name: the original base name, without control or path characters, with the detected extension. */
export function safeFileName(original: string, ext: string) {
  const base = path
    .basename(original.replace(/\\/g, "/"))
    .split("")
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && !'"<>:|?*/\\'.includes(c))
    .join("")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 100);
  return `${base || "documento"}.${ext}`;
}

export type StoredDocument = typeof meetingDocuments.$inferSelect;

/**
 * Stores an uploaded file for a meeting: checks its content again, writes it under its SHA-256
 * (once: the same bytes uploaded twice share the file) and records the row and the audit entry.
 */
export async function storeDocument(actorId: string, meetingId: number, input: { title: string; file: File }): Promise<StoredDocument | null> {
  if (input.file.size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError();
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = detectDocumentType(bytes.subarray(0, SNIFF_BYTES));
  if (!type) throw new DocumentTypeError();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get()) return null;

  const target = filePath(sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(uploadsDir(), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, bytes, { mode: 0o640 });
    fs.renameSync(tmp, target);
  }
  return db.transaction((tx) => {
    const row = tx
      .insert(meetingDocuments)
      .values({
        meetingId,
        title: input.title,
        fileName: safeFileName(input.file.name, type.ext),
        mimeType: type.mime,
        sizeBytes: bytes.byteLength,
        sha256,
        uploadedBy: actorId,
      })
      .returning()
      .get();
    recordAudit(tx, {
      actorId,
      action: "meeting.document.uploaded",
      subjectType: "meeting",
      subjectId: meetingId,
      after: { documentId: row.id, title: row.title, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 },
    });
    return row;
  });
}

export async function listDocuments(meetingId: number) {
  return db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId)).orderBy(asc(meetingDocuments.id)).all();
}

export async function getDocument(meetingId: number, documentId: number) {
  return db
    .select()
    .from(meetingDocuments)
    .where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)))
    .get();
}

/** Removes a document; its file goes too when no other document has the same bytes. */
export async function deleteDocument(actorId: string, meetingId: number, documentId: number): Promise<boolean> {
  const removed = db.transaction((tx) => {
    const doc = tx
      .select()
      .from(meetingDocuments)
      .where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)))
      .get();
    if (!doc) return null;
    tx.delete(meetingDocuments).where(eq(meetingDocuments.id, documentId)).run();
    recordAudit(tx, {
      actorId,
      action: "meeting.document.deleted",
      subjectType: "meeting",
      subjectId: meetingId,
      before: { documentId, title: doc.title, fileName: doc.fileName, sha256: doc.sha256 },
    });
    const shared = tx.select({ id: meetingDocuments.id }).from(meetingDocuments).where(eq(meetingDocuments.sha256, doc.sha256)).get();
    return { sha256: doc.sha256, shared: Boolean(shared) };
  });
  if (!removed) return false;
  if (!removed.shared) fs.rmSync(filePath(removed.sha256), { force: true });
  return true;
}

/** The HTTP response that downloads a document: its real type, as an attachment, never sniffed by the browser. */
export function documentResponse(doc: StoredDocument): Response {
  const target = filePath(doc.sha256);
  if (!fs.existsSync(target)) throw new Response("File non disponibile", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = fs.readFileSync(target);
  const asciiName = doc.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
    },
  });
}
