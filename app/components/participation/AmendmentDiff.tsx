import type { DiffPart } from "~/domain/drafts/participation";
import { useT } from "~/i18n/react";

/**
 * Word-level differences shown as <del>/<ins>, each announced by a visually hidden label
 * ("testo rimosso:", "testo aggiunto:") so the change is not told by colour alone.
 * The parts are plain text rendered by React: nothing here is ever parsed as HTML.
 */
export function AmendmentDiff({ parts, caption, contentLang }: { parts: DiffPart[]; caption: string; contentLang?: string }) {
  const t = useT();
  return (
    <figure className="diff">
      <figcaption>
        {caption} <span className="muted">{t("participation.amendments.diffLegend")}</span>
      </figcaption>
      <div className="diff-text" lang={contentLang}>
        {parts.map((part, i) =>
          part.kind === "added" ? (
            <ins key={i}>
              <span className="visually-hidden">[{t("participation.diff.added")} </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          ) : part.kind === "removed" ? (
            <del key={i}>
              <span className="visually-hidden">[{t("participation.diff.removed")} </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
    </figure>
  );
}
