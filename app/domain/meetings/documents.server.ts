import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { readUpload, type UploadProblem as ReadProblem } from "~/domain/uploads/receive.server";
import { checkUpload, removeStored, saveUpload, storedFileResponse } from "~/domain/uploads/storage.server";
import { meetingDocuments, meetings } from "~db/schema";

// Documents of a meeting (PDF or images) uploaded by staff, one file per upload with its title.
// Reading, checking by content and storing the bytes is the uploads module's; what is a meeting's
// here: the 10 MB limit, the form, the rows and their audit entries. The files stay at the top
// level of UPLOADS_DIR, where they have always been.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const FOLDER = "";

export type UploadProblem = Exclude<ReadProblem, "tooMany"> | "missing";

export type ParsedUpload = { ok: true; title: string; file: File } | { ok: false; problem: UploadProblem; title: string };

/** Reads the document upload form (title + one file); the typed title comes back with a refusal. */
export async function parseDocumentUpload(request: Request, opts: { maxBytes?: number } = {}): Promise<ParsedUpload> {
  const upload = await readUpload(request, { maxFileBytes: opts.maxBytes ?? MAX_DOCUMENT_BYTES, maxFiles: 1 });
  const title = upload.fields.title ?? "";
  // A second file is not something the form can send.
  if (!upload.ok) return { ok: false, problem: upload.problem === "tooMany" ? "malformed" : upload.problem, title };
  const [file] = upload.files;
  if (!file) return { ok: false, problem: "missing", title };
  return { ok: true, title, file };
}

export type StoredDocument = typeof meetingDocuments.$inferSelect;

/**
 * Stores an uploaded file for a meeting: checks its content again, writes it under its SHA-256
 * (once: the same bytes uploaded twice share the file) and records the row and the audit entry.
 * Throws DocumentTooLargeError / DocumentTypeError (uploads module); null when there is no such meeting.
 */
export async function storeDocument(actorId: string, meetingId: number, input: { title: string; file: File }): Promise<StoredDocument | null> {
  const checked = await checkUpload(input.file, { maxBytes: MAX_DOCUMENT_BYTES });
  const { sha256, type, fileName } = checked;
  if (!db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get()) return null;
  saveUpload(FOLDER, checked);
  return db.transaction((tx) => {
    const row = tx
      .insert(meetingDocuments)
      .values({
        meetingId,
        title: input.title,
        fileName,
        mimeType: type.mime,
        sizeBytes: checked.bytes.byteLength,
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
  if (!removed.shared) removeStored(FOLDER, [removed.sha256]);
  return true;
}

/** The download of a document (public, like the meeting page): its real type, as an attachment. */
export function documentResponse(doc: StoredDocument): Response {
  return storedFileResponse(FOLDER, doc, { cache: "public" });
}
