import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/lib/env.server";
import { detectDocumentType, DocumentTooLargeError, DocumentTypeError, SNIFF_BYTES, type DocumentType } from "./content";

// Stored files: the bytes live under UPLOADS_DIR (in a folder per capability), written once and
// named by their SHA-256, so the same bytes uploaded twice share one file and no name a user
// chose ever reaches the filesystem. The rows that point at them belong to each capability.

/** A capability's folder under UPLOADS_DIR ("" for the top level, where meeting documents have always been). */
export type UploadFolder = "" | "contributi";

const HASH = /^[0-9a-f]{64}$/;

function folderPath(folder: UploadFolder) {
  const root = path.resolve(env.UPLOADS_DIR);
  if (folder !== "" && !/^[a-z]+$/.test(folder)) throw new Error("bad upload folder");
  return path.join(root, folder);
}

/** Where the bytes of a hash are; anything but a SHA-256 in hex (a path, a "..") is refused. */
export function storedPath(folder: UploadFolder, sha256: string) {
  if (!HASH.test(sha256)) throw new Error("bad upload hash");
  return path.join(folderPath(folder), sha256);
}

export type CheckedUpload = { bytes: Uint8Array; type: DocumentType; sha256: string; fileName: string };

/**
 * Checks a received file again, whatever read it (size, then content), and names it: its hash and
 * a safe download name with the extension of what it really is. Throws DocumentTooLargeError or
 * DocumentTypeError.
 */
export async function checkUpload(file: File, opts: { maxBytes: number }): Promise<CheckedUpload> {
  if (file.size > opts.maxBytes) throw new DocumentTooLargeError();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > opts.maxBytes) throw new DocumentTooLargeError();
  const type = detectDocumentType(bytes.subarray(0, SNIFF_BYTES));
  if (!type) throw new DocumentTypeError();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { bytes, type, sha256, fileName: safeFileName(file.name, type.ext) };
}

/**
 * Writes checked bytes under their hash, once (an existing file is the same bytes). Written to a
 * temporary name and renamed, so a reader never sees half a file. A file written for a transaction
 * that then fails is harmless: the next upload of the same bytes reuses it.
 */
export function saveUpload(folder: UploadFolder, checked: CheckedUpload) {
  const target = storedPath(folder, checked.sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, checked.bytes, { mode: 0o640 });
  fs.renameSync(tmp, target);
}

/** Removes stored files (once no row uses them: the capability knows). */
export function removeStored(folder: UploadFolder, hashes: string[]) {
  for (const sha of hashes) fs.rmSync(storedPath(folder, sha), { force: true });
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

/**
 * The HTTP response that downloads a stored file: its detected type, always as an attachment
 * (never rendered inline), cached for five minutes — `public` for what anyone may download,
 * `private` for what only some people may. X-Content-Type-Options: nosniff is on every response
 * of the site (helmet in server.js); set here too it would be sent twice (the Express adapter
 * appends headers). A file missing on disk is a 404.
 */
export function storedFileResponse(
  folder: UploadFolder,
  file: { sha256: string; fileName: string; mimeType: string },
  opts: { cache: "public" | "private" },
): Response {
  const target = storedPath(folder, file.sha256);
  if (!fs.existsSync(target)) throw new Response("File non disponibile", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = fs.readFileSync(target);
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": `${opts.cache}, max-age=300`,
    },
  });
}
