import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { meetingDocuments, meetings } from "~db/schema";

// Documents of a meeting (PDF or images) uploaded by staff. What a file is is decided by its
// first bytes, never by its name or the type the browser claims; the bytes are stored once
// under UPLOADS_DIR, named by their SHA-256.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_TEXT_FIELD_BYTES = 4 * 1024;
/** Past the limit we read and discard what the browser is still sending, up to this much, so that it gets our answer. */
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
const MAX_PARTS = 8;

export type UploadProblem = "tooLarge" | "type" | "missing" | "malformed";

/**
 * An upload handler for `unstable_parseMultipartFormData` that keeps at most `maxBytes` of a file
 * in memory. A file whose first bytes are not a PDF/PNG/JPEG/WebP is refused as soon as they
 * arrive; a file past the limit is refused when it crosses it. Text fields are limited to a few KB.
 *
 * Refusing means, by default, throwing (DocumentTooLargeError / DocumentTypeError) and reading no
 * further. With `onRefused`, the handler instead records the problem and reads the rest of the
 * part without keeping it: the parser then reaches the end of the body, so the server can answer a
 * browser that is still sending (a request abandoned half-read is never answered; tried with the
 * Express adapter's stream: the socket stalls until the request timeout).
 */
export function documentUploadHandler(opts: { maxBytes?: number; onRefused?: (problem: UploadProblem) => void } = {}): UploadHandler {
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  let parts = 0;
  return async ({ name, filename, contentType, data }) => {
    const isFile = typeof filename === "string";
    const limit = isFile ? maxBytes : MAX_TEXT_FIELD_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let sniffed = !isFile;
    let refused: UploadProblem | null = ++parts > MAX_PARTS || (isFile && name !== "file") ? "malformed" : null;
    const refuse = (problem: UploadProblem) => {
      if (!opts.onRefused) throw problem === "tooLarge" ? new DocumentTooLargeError() : new DocumentTypeError();
      refused = problem;
      opts.onRefused(problem);
      chunks.length = 0; // nothing of it is kept from here on
    };
    if (refused) refuse(refused);
    for await (const chunk of data) {
      if (refused) continue; // discarding what is still arriving
      size += chunk.byteLength;
      if (size > limit) {
        refuse(isFile ? "tooLarge" : "malformed");
        continue;
      }
      chunks.push(chunk);
      if (!sniffed && size >= SNIFF_BYTES) {
        sniffed = true;
        if (!detectDocumentType(concat(chunks, SNIFF_BYTES))) refuse("type");
      }
    }
    if (refused) return undefined;
    if (!isFile) return new TextDecoder().decode(concat(chunks, size));
    if (size === 0) return undefined; // no file chosen
    if (!sniffed && !detectDocumentType(concat(chunks, size))) {
      refuse("type");
      return undefined;
    }
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

export type ParsedUpload = { ok: true; title: string; file: File } | { ok: false; problem: UploadProblem; title: string };

/**
 * Reads the document upload form (title + file). A body announced beyond MAX_DRAIN_BYTES is
 * refused unread; otherwise the handler keeps at most the limit and discards the rest of a
 * refused file as it arrives (constant memory), and the typed title comes back with the message.
 */
export async function parseDocumentUpload(request: Request, opts: { maxBytes?: number } = {}): Promise<ParsedUpload> {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, problem: "tooLarge", title: "" };
  }
  let problem: UploadProblem | null = null;
  const fields: Record<string, string> = {};
  const handler = documentUploadHandler({ maxBytes: opts.maxBytes, onRefused: (p) => (problem ??= p) });
  let received = 0;
  const collecting: UploadHandler = async (part) => {
    const value = await handler({
      ...part,
      // A body sent without a length (chunked) is cut off past MAX_DRAIN_BYTES.
      data: (async function* () {
        for await (const chunk of part.data) {
          received += chunk.byteLength;
          if (received > MAX_DRAIN_BYTES) throw new DocumentTooLargeError();
          yield chunk;
        }
      })(),
    });
    if (typeof value === "string" && !(part.name in fields)) fields[part.name] = value;
    return value;
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, collecting);
  } catch (error) {
    const title = fields.title ?? "";
    if (error instanceof DocumentTooLargeError) return { ok: false, problem: "tooLarge", title };
    return { ok: false, problem: "malformed", title };
  }
  const title = fields.title ?? "";
  if (problem) return { ok: false, problem, title };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, problem: "missing", title };
  return { ok: true, title, file };
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

/** The HTTP response that downloads a document: its real type, as an attachment (never sniffed: see below). */
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
      // X-Content-Type-Options: nosniff is on every response (helmet in server.js); set here too it would be sent twice.
      "Cache-Control": "public, max-age=300",
    },
  });
}
