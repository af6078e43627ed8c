import { useT } from "~/i18n/react";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * A word-level diff: added text in <ins>, removed text in <del>, each announced by a hidden label
 * (screen readers do not read <ins>/<del> by default) and marked by underline / strike-through,
 * not by colour alone.
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const t = useT();
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[{t("drafts.diff.addedStart")}] </span>
            {p.text}
            <span className="visually-hidden"> [{t("drafts.diff.addedEnd")}]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{t("drafts.diff.removedStart")}] </span>
            {p.text}
            <span className="visually-hidden"> [{t("drafts.diff.removedEnd")}]</span>
          </del>
        ),
      )}
    </>
  );
}
