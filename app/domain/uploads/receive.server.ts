import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { detectDocumentType, DocumentTooLargeError, DocumentTypeError, SNIFF_BYTES } from "./content";

// Reading a multipart upload form as a stream, keeping at most the limit of each file in memory.
// Each capability says how large its files may be and how many; the rules here are the same for all.

const MAX_TEXT_FIELD_BYTES = 4 * 1024;
const MAX_PARTS = 8;
/**
 * Past a refusal we read and discard what the browser is still sending, up to this much of the
 * whole body, so that it gets our answer (the server refuses larger announced bodies unread).
 */
export const MAX_UPLOAD_BODY_BYTES = 64 * 1024 * 1024;

export type UploadProblem = "tooLarge" | "type" | "tooMany" | "malformed";

/**
 * An upload handler for `unstable_parseMultipartFormData` that keeps at most `maxBytes` of a file
 * in memory. A file whose first bytes are not a PDF/PNG/JPEG/WebP is refused as soon as they
 * arrive; a file past the limit is refused when it crosses it. Text fields are limited to a few KB,
 * files must come as `fileField` ("file"), and a form has at most 8 parts.
 *
 * Refusing means, by default, throwing (DocumentTooLargeError / DocumentTypeError) and reading no
 * further. With `onRefused`, the handler instead records the problem and reads the rest of the
 * part without keeping it: the parser then reaches the end of the body, so the server can answer a
 * browser that is still sending (a request abandoned half-read is never answered; tried with the
 * Express adapter's stream: the socket stalls until the request timeout).
 */
export function uploadHandler(opts: { maxBytes: number; fileField?: string; onRefused?: (problem: UploadProblem) => void }): UploadHandler {
  const fileField = opts.fileField ?? "file";
  let parts = 0;
  return async ({ name, filename, contentType, data }) => {
    const isFile = typeof filename === "string";
    const limit = isFile ? opts.maxBytes : MAX_TEXT_FIELD_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let sniffed = !isFile;
    let refused: UploadProblem | null = ++parts > MAX_PARTS || (isFile && name !== fileField) ? "malformed" : null;
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

export type ReadUpload = { ok: true; fields: Record<string, string>; files: File[] } | { ok: false; problem: UploadProblem; fields: Record<string, string> };

/**
 * Reads an upload form: its text fields (the first value of each) and up to `maxFiles` non-empty
 * files of at most `maxFileBytes` each, posted as `fileField`. A body announced beyond
 * MAX_UPLOAD_BODY_BYTES is refused unread; otherwise a refused file (too large, not a document,
 * one too many) is read to its end and discarded as it arrives (constant memory), so the typed
 * fields come back with the problem. A body sent without a length (chunked) is cut off past
 * MAX_UPLOAD_BODY_BYTES.
 */
export async function readUpload(request: Request, opts: { maxFileBytes: number; maxFiles: number; fileField?: string }): Promise<ReadUpload> {
  const fields: Record<string, string> = {};
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, problem: "tooLarge", fields };
  }
  if (!request.body) return { ok: true, fields, files: [] };

  const reader = request.body.getReader();
  let received = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      received += value.byteLength;
      if (received > MAX_UPLOAD_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        return controller.error(new DocumentTooLargeError());
      }
      controller.enqueue(value);
    },
  });

  let problem: UploadProblem | null = null;
  const handler = uploadHandler({ maxBytes: opts.maxFileBytes, fileField: opts.fileField, onRefused: (p) => (problem ??= p) });
  let files = 0;
  const collecting: UploadHandler = async (part) => {
    const value = await handler(part);
    if (typeof value === "string") {
      if (!(part.name in fields)) fields[part.name] = value;
      return value;
    }
    if (value && ++files > opts.maxFiles) {
      problem ??= "tooMany";
      return undefined;
    }
    return value;
  };

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      new Request(request.url, { method: "POST", headers: request.headers, body: counted, duplex: "half" } as RequestInit),
      collecting,
    );
  } catch (error) {
    if (error instanceof DocumentTooLargeError) return { ok: false, problem: "tooLarge", fields };
    await drain(reader);
    return { ok: false, problem: "malformed", fields };
  }
  if (problem) return { ok: false, problem, fields };
  const chosen = form.getAll(opts.fileField ?? "file").filter((f): f is File => f instanceof File && f.size > 0);
  return { ok: true, fields, files: chosen };
}

/** Reads and discards the rest of a body the parser gave up on (a malformed form), within the limit. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let drained = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
      if (drained > MAX_UPLOAD_BODY_BYTES) return void (await reader.cancel());
    }
  } catch {
    // the client went away
  }
}
