import mammoth from "mammoth";
import { htmlToMarkdown } from "./html-to-markdown";

/** A .docx is a ZIP ("PK\x03\x04") holding word/document.xml: checked on the bytes, not the file name. */
export function isDocx(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  // ZIP entries carry their names in clear in the local headers and the central directory.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml", 0, "latin1");
}

/**
 * .docx → Markdown: mammoth (headings by Word style, lists, tables, bold/italic, links) to HTML,
 * then our small HTML → Markdown conversion; images are dropped (their alt text stays).
 */
export async function docxToMarkdown(bytes: Uint8Array): Promise<{ markdown: string; messages: string[] }> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
  );
  return { markdown: htmlToMarkdown(result.value), messages: result.messages.map((m) => m.message) };
}
