import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { and, asc, count, eq } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { detectDocumentType, DocumentTooLargeError, DocumentTypeError, documentUploadHandler, safeFileName } from "~/domain/meetings/documents.server";
import { contributionAttachments } from "~db/schema";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_TITLE, MAX_ATTACHMENTS } from "./rules";

// Attachments of a contribution: up to 3 PDF/PNG/JPEG/WebP files of at most 5 MB each. What a
// file is comes from its first bytes (the meetings documents' sniffing and upload handler are
// reused as they are); the bytes are stored once under UPLOADS_DIR/contributi, named by SHA-256
// (a folder of their own, so removing an attachment never touches a meeting document).

export type AttachmentProblem = "tooLarge" | "type" | "tooMany" | "malformed";
export type ParsedAttachments = { ok: true; fields: Record<string, string>; files: File[] } | { ok: false; problem: AttachmentProblem; fields: Record<string, string> };

const ENVELOPE_BYTES = 64 * 1024;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

class TooManyFilesError extends Error {}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let drained = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
      if (drained > MAX_DRAIN_BYTES) return void (await reader.cancel());
    }
  } catch {
    // the client went away
  }
}

/**
 * Reads a multipart form whose files are posted as `file` (several allowed). Stops keeping data
 * past 5 MB per file or 3 files (the rest of the body is read and discarded, so the browser gets
 * the answer); a file whose first bytes are not PDF/PNG/JPEG/WebP is refused before the rest is read.
 */
export async function parseAttachmentUpload(request: Request, opts: { maxFiles?: number } = {}): Promise<ParsedAttachments> {
  const maxFiles = opts.maxFiles ?? MAX_ATTACHMENTS;
  const fields: Record<string, string> = {};
  if (!request.body) return { ok: true, fields, files: [] };
  const reader = request.body.getReader();
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
    await reader.cancel().catch(() => undefined);
    return { ok: false, problem: "tooLarge", fields };
  }
  let total = 0;
  const limit = maxFiles * MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (total > limit) return controller.error(new DocumentTooLargeError());
      const { done, value } = await reader.read();
      if (done) return controller.close();
      total += value.byteLength;
      controller.enqueue(value);
    },
  });
  const handler = documentUploadHandler({ maxBytes: MAX_ATTACHMENT_BYTES });
  let files = 0;
  const collecting: UploadHandler = async (part) => {
    const value = await handler(part);
    if (typeof value === "string") fields[part.name] = value;
    else if (value) {
      files += 1;
      if (files > maxFiles) throw new TooManyFilesError();
    }
    return value;
  };
  try {
    const form = await unstable_parseMultipartFormData(
      new Request(request.url, { method: "POST", headers: request.headers, body: limited, duplex: "half" } as RequestInit),
      collecting,
    );
    const chosen = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
    return { ok: true, fields, files: chosen };
  } catch (error) {
    await drain(reader);
    if (error instanceof DocumentTooLargeError) return { ok: false, problem: "tooLarge", fields };
    if (error instanceof DocumentTypeError) return { ok: false, problem: "type", fields };
    if (error instanceof TooManyFilesError) return { ok: false, problem: "tooMany", fields };
    return { ok: false, problem: "malformed", fields };
  }
}

export class AttachmentError extends Error {
  constructor(readonly problem: AttachmentProblem) {
    super(problem);
  }
}

function dir() {
  return path.resolve(env.UPLOADS_DIR, "contributi");
}

function filePath(sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad attachment hash");
  return path.join(dir(), sha256);
}

export type PreparedAttachment = { title: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string };

/**
 * Checks the files again (size and content) and writes their bytes to disk, before the
 * transaction that records them; a file written for a transaction that then fails is harmless
 * (same bytes, same name) and is reused by the next upload of the same file.
 */
export async function prepareAttachments(files: File[]): Promise<PreparedAttachment[]> {
  if (files.length > MAX_ATTACHMENTS) throw new AttachmentError("tooMany");
  const out: PreparedAttachment[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AttachmentError("tooLarge");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = detectDocumentType(bytes.subarray(0, 12));
    if (!type) throw new AttachmentError("type");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = filePath(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(dir(), { recursive: true });
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(tmp, bytes, { mode: 0o640 });
      fs.renameSync(tmp, target);
    }
    const fileName = safeFileName(file.name, type.ext);
    out.push({ title: fileName.replace(/\.[a-z]+$/, "").slice(0, MAX_ATTACHMENT_TITLE), fileName, mimeType: type.mime, sizeBytes: bytes.byteLength, sha256 });
  }
  return out;
}

/** Records prepared attachments inside the caller's transaction, refusing a fourth one. */
export function insertAttachments(tx: Tx, contributionId: number, prepared: PreparedAttachment[]) {
  if (prepared.length === 0) return;
  const existing = tx.select({ n: count() }).from(contributionAttachments).where(eq(contributionAttachments.contributionId, contributionId)).get()?.n ?? 0;
  if (existing + prepared.length > MAX_ATTACHMENTS) throw new AttachmentError("tooMany");
  for (const a of prepared) tx.insert(contributionAttachments).values({ contributionId, ...a }).run();
}

/** Deletes the rows of a contribution's attachments (all, or one) inside a transaction; returns the hashes whose file may go. */
export function deleteAttachmentRows(tx: Tx, contributionId: number, attachmentId?: number): string[] {
  const where = attachmentId
    ? and(eq(contributionAttachments.contributionId, contributionId), eq(contributionAttachments.id, attachmentId))
    : eq(contributionAttachments.contributionId, contributionId);
  const rows = tx.delete(contributionAttachments).where(where).returning({ sha256: contributionAttachments.sha256 }).all();
  return rows.map((r) => r.sha256).filter((sha) => !tx.select({ id: contributionAttachments.id }).from(contributionAttachments).where(eq(contributionAttachments.sha256, sha)).get());
}

/** Removes files no attachment uses any more (after the transaction that deleted their rows). */
export function removeFiles(hashes: string[]) {
  for (const sha of hashes) fs.rmSync(filePath(sha), { force: true });
}

export async function attachmentsOf(contributionId: number) {
  return db
    .select({ id: contributionAttachments.id, title: contributionAttachments.title, fileName: contributionAttachments.fileName, mimeType: contributionAttachments.mimeType, sizeBytes: contributionAttachments.sizeBytes })
    .from(contributionAttachments)
    .where(eq(contributionAttachments.contributionId, contributionId))
    .orderBy(asc(contributionAttachments.id))
    .all();
}

export async function getAttachment(contributionId: number, attachmentId: number) {
  return db
    .select()
    .from(contributionAttachments)
    .where(and(eq(contributionAttachments.contributionId, contributionId), eq(contributionAttachments.id, attachmentId)))
    .get();
}

/** The download of an attachment: its real type, as an attachment (never rendered inline by the browser). */
export function attachmentResponse(a: typeof contributionAttachments.$inferSelect): Response {
  const target = filePath(a.sha256);
  if (!fs.existsSync(target)) throw new Response("File non disponibile", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = fs.readFileSync(target);
  const asciiName = a.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": a.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
