/**
 * Shows HTML produced by `renderMarkdown` (lib/markdown.server.ts), which has already been
 * sanitized on the server. Never pass anything else here.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  return <div className={["rich-text", className].filter(Boolean).join(" ")} dangerouslySetInnerHTML={{ __html: html }} />;
}
