// The attachments of a contribution: images as small previews (with a text alternative naming the
// file), PDFs as links with their name, type and size. Both come from the attachment route, which
// serves a published contribution's files to everyone and the others' only to their author and staff.
import { formatNumber, type Lang } from "~/i18n";
import { useLang, useT } from "~/i18n/react";

export type AttachmentView = { id: number; title: string; fileName: string; mimeType: string; sizeBytes: number };

export const attachmentPath = (contributionId: number, attachmentId: number) => `/contributi/${contributionId}/allegati/${attachmentId}`;

const TYPE_LABELS: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP" };

export function fileSize(lang: Lang, bytes: number) {
  if (bytes >= 1024 * 1024) return `${formatNumber(lang, bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  return `${formatNumber(lang, Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}

export function AttachmentList({ contributionId, attachments }: { contributionId: number; attachments: AttachmentView[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="attachment-list">
      {attachments.map((a) => {
        const href = attachmentPath(contributionId, a.id);
        const details = `${TYPE_LABELS[a.mimeType] ?? a.mimeType}, ${fileSize(lang, a.sizeBytes)}`;
        return (
          <li key={a.id} className={a.mimeType.startsWith("image/") ? "attachment attachment-image" : "attachment"}>
            {a.mimeType.startsWith("image/") ? (
              <img src={href} alt={t("contributions.attachments.imageAlt", { name: a.fileName })} className="attachment-thumb" loading="lazy" width={160} height={120} />
            ) : null}
            <span>
              <a href={href} download={a.fileName}>
                {a.fileName}
              </a>{" "}
              <span className="muted">({details})</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
