// What an uploaded file is, decided by its first bytes: never by its name or by the type the
// browser claims. Only PDF and the three web image formats are accepted anywhere in Concerta.

export type DocumentType = { mime: "application/pdf" | "image/png" | "image/jpeg" | "image/webp"; ext: "pdf" | "png" | "jpg" | "webp" };

/** How many bytes the detection needs. */
export const SNIFF_BYTES = 12;

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

/** Why a file is refused by its size or its content. */
export type RefusedFileProblem = "tooLarge" | "type";

export class RefusedFileError extends Error {
  constructor(readonly problem: RefusedFileProblem) {
    super(problem === "tooLarge" ? "document too large" : "document type not allowed");
  }
}
export class DocumentTooLargeError extends RefusedFileError {
  constructor() {
    super("tooLarge");
  }
}
export class DocumentTypeError extends RefusedFileError {
  constructor() {
    super("type");
  }
}
