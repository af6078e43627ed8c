import { and, asc, count, eq } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { RefusedFileError } from "~/domain/uploads/content";
import { readUpload, type UploadProblem } from "~/domain/uploads/receive.server";
import { checkUpload, removeStored, saveUpload, storedFileResponse } from "~/domain/uploads/storage.server";
import { contributionAttachments } from "~db/schema";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_TITLE, MAX_ATTACHMENTS } from "./rules";

// Attachments of a contribution: up to 3 PDF/PNG/JPEG/WebP files of at most 5 MB each. Reading,
// checking by content and storing the bytes is the uploads module's; what is a contribution's
// here: the limits, the rows, and who may download them (the route). The bytes go to
// UPLOADS_DIR/contributi, a folder of their own, so removing an attachment never touches a
// meeting document.

const FOLDER = "contributi";

export type AttachmentProblem = UploadProblem;
export type ParsedAttachments = { ok: true; fields: Record<string, string>; files: File[] } | { ok: false; problem: AttachmentProblem; fields: Record<string, string> };

/** Reads a multipart form whose files are posted as `file` (up to 3 of 5 MB; a refused one is discarded as it arrives). */
export async function parseAttachmentUpload(request: Request, opts: { maxFiles?: number } = {}): Promise<ParsedAttachments> {
  return readUpload(request, { maxFileBytes: MAX_ATTACHMENT_BYTES, maxFiles: opts.maxFiles ?? MAX_ATTACHMENTS });
}

export class AttachmentError extends Error {
  constructor(readonly problem: AttachmentProblem) {
    super(problem);
  }
}

export type PreparedAttachment = { title: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string };

/**
 * Checks the files again (size and content) and writes their bytes to disk, before the
 * transaction that records them (a file written for a transaction that then fails is harmless).
 */
export async function prepareAttachments(files: File[]): Promise<PreparedAttachment[]> {
  if (files.length > MAX_ATTACHMENTS) throw new AttachmentError("tooMany");
  const out: PreparedAttachment[] = [];
  for (const file of files) {
    const checked = await checkUpload(file, { maxBytes: MAX_ATTACHMENT_BYTES }).catch((error: unknown) => {
      throw error instanceof RefusedFileError ? new AttachmentError(error.problem) : error;
    });
    saveUpload(FOLDER, checked);
    const { fileName, type, sha256 } = checked;
    out.push({ title: fileName.replace(/\.[a-z]+$/, "").slice(0, MAX_ATTACHMENT_TITLE), fileName, mimeType: type.mime, sizeBytes: checked.bytes.byteLength, sha256 });
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
  removeStored(FOLDER, hashes);
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

/** The download of an attachment: its real type, as an attachment (private: not every one is public). */
export function attachmentResponse(a: typeof contributionAttachments.$inferSelect): Response {
  return storedFileResponse(FOLDER, a, { cache: "private" });
}
