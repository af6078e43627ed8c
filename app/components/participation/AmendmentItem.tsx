import { RichText } from "~/components/RichText";
import { amendmentAnchor, type AmendmentView } from "~/domain/drafts/participation";
import { useT } from "~/i18n/react";
import { AmendmentDiff } from "./AmendmentDiff";
import { Byline, VersionTag, When } from "./Byline";
import { StatusBadge } from "./StatusBadge";
import { ReportForm } from "~/components/moderation/ReportForm";
import { ButtonForm, FormAlert, ModerationActions, stateFor, type Ui } from "./forms";

/** One proposed amendment: who, when, on which version, the diff against that version's text, the rationale. */
export function AmendmentItem({ amendment: a, ui }: { amendment: AmendmentView; ui: Ui }) {
  const t = useT();
  const anchor = amendmentAnchor(a.id);
  const withdrawId = `withdraw-${a.id}`;
  return (
    <li className="amendment">
      <article id={anchor} aria-labelledby={`${anchor}-title`}>
        <h3 id={`${anchor}-title`}>
          {t("participation.amendments.heading", { name: a.organizationName ?? a.authorName })}
        </h3>
        <p className="comment-meta">
          <Byline authorName={a.authorName} organizationName={a.organizationName} /> · <When iso={a.createdAt} /> ·{" "}
          <VersionTag label={a.versionLabel} current={a.versionId === ui.currentVersionId} /> <StatusBadge status={a.status} showPublished={ui.isStaff} />
        </p>
        <AmendmentDiff parts={a.diff} caption={t("participation.amendments.diffLabel", { version: a.versionLabel })} contentLang={ui.contentLang} />
        {a.rationaleHtml ? (
          <div className="amendment-rationale">
            <p className="rationale-label">{t("participation.amendments.rationale")}</p>
            <div lang={ui.contentLang}>
              <RichText html={a.rationaleHtml} />
            </div>
          </div>
        ) : null}
        <details>
          <summary>{t("participation.amendments.fullText")}</summary>
          <p className="proposed-text" lang={ui.contentLang}>
            {a.proposedText}
          </p>
        </details>
        {a.outcome ? (
          <div className="outcome-block amendment-outcome">
            <p className="rationale-label">
              {t("participation.amendments.outcome")}: <strong>{t(`browse.outcome.${a.outcome.decision}`)}</strong>
            </p>
            <div lang={ui.contentLang}>
              <RichText html={a.outcome.responseHtml} />
            </div>
          </div>
        ) : null}
        {a.canWithdraw ? (
          <>
            <FormAlert id={`${withdrawId}-error`} message={stateFor(ui, withdrawId)?.message} />
            <ButtonForm intent="withdraw" fields={{ amendmentId: a.id }} label={t("participation.amendments.withdraw")} />
          </>
        ) : null}
        <ModerationActions kind="amendment" id={a.id} status={a.status} revision={a.revision} ui={ui} />
        {ui.signedIn && a.status === "published" ? <ReportForm kind="amendment" id={a.id} /> : null}
      </article>
    </li>
  );
}
