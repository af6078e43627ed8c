import { Form } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { commentAnchor, MAX_COMMENT_LENGTH, type CommentView } from "~/domain/drafts/participation";
import { formatDate } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { StatusBadge } from "./StatusBadge";
import { ReportForm } from "~/components/moderation/ReportForm";
import { ButtonForm, FormAlert, ModerationActions, OnBehalfSelect, stateFor, TextArea, type Ui } from "./forms";

/** Who wrote it: the organization when made on its behalf (with the member), else the person. */
export function Byline({ authorName, organizationName }: { authorName: string; organizationName: string | null }) {
  const t = useT();
  if (!organizationName) return <strong className="byline">{authorName}</strong>;
  return (
    <span className="byline">
      <strong>{organizationName}</strong> <span className="muted">({t("participation.byMember", { name: authorName })})</span>
    </span>
  );
}

export function VersionTag({ label, current }: { label: string; current: boolean }) {
  const t = useT();
  return <span className="version-tag">{current ? t("participation.onVersionCurrent", { version: label }) : t("participation.onVersion", { version: label })}</span>;
}

export function When({ iso }: { iso: string }) {
  const lang = useLang();
  return <time dateTime={iso}>{formatDate(lang, iso, { dateStyle: "long", timeStyle: "short" })}</time>;
}

/** The comments on a section as nested lists (replies under what they answer). */
export function CommentThread({ comments, ui, label }: { comments: CommentView[]; ui: Ui; label: string }) {
  return (
    <ol className="comments" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} ui={ui} />
      ))}
    </ol>
  );
}

function CommentItem({ comment: c, ui }: { comment: CommentView; ui: Ui }) {
  const t = useT();
  const anchor = commentAnchor(c.id);
  return (
    <li className="comment">
      <article id={anchor} aria-labelledby={`${anchor}-by`} className={c.status === "published" ? undefined : "comment-unpublished"}>
        {c.deleted ? (
          <p className="muted comment-deleted" id={`${anchor}-by`}>
            {t("participation.comments.deleted")}
          </p>
        ) : (
          <>
            <p className="comment-meta" id={`${anchor}-by`}>
              <Byline authorName={c.authorName} organizationName={c.organizationName} /> · <When iso={c.createdAt} />
              {c.editedAt ? <span className="muted"> ({t("participation.comments.edited")})</span> : null} ·{" "}
              <VersionTag label={c.versionLabel} current={c.versionId === ui.currentVersionId} /> <StatusBadge status={c.status} showPublished={ui.isStaff} />
            </p>
            <div lang={ui.contentLang}>
              <RichText html={c.bodyHtml} className="comment-body" />
            </div>
            <CommentActions comment={c} ui={ui} />
          </>
        )}
      </article>
      {c.replies.length > 0 ? (
        <ol className="comment-replies" aria-label={t("participation.comments.repliesLabel", { name: c.deleted ? "—" : c.organizationName ?? c.authorName })}>
          {c.replies.map((r) => (
            <CommentItem key={r.id} comment={r} ui={ui} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function CommentActions({ comment: c, ui }: { comment: CommentView; ui: Ui }) {
  const t = useT();
  const replyId = `reply-${c.id}`;
  const editId = `edit-${c.id}`;
  const deleteId = `delete-${c.id}`;
  const replyState = stateFor(ui, replyId);
  const editState = stateFor(ui, editId);
  const deleteState = stateFor(ui, deleteId);
  // A refused form stays on the page (with what was typed) even if the window has closed meanwhile.
  const canReply = ui.signedIn && ((ui.windowOpen && (c.status === "published" || c.mine)) || Boolean(replyState));
  return (
    <div className="comment-actions">
      {canReply ? (
        <details open={Boolean(replyState)} key={`r-${ui.formKey}`}>
          <summary>{t("participation.comments.replyTo", { name: c.organizationName ?? c.authorName })}</summary>
          <Form method="post" className="reply-form">
            <FormAlert id={`${replyId}-error`} message={replyState?.message} />
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="parentId" value={c.id} />
            <TextArea formId={replyId} name="body" label={t("participation.comments.replyBody")} rows={3} maxLength={MAX_COMMENT_LENGTH} defaultValue="" required ui={ui} />
            <OnBehalfSelect formId={replyId} ui={ui} />
            <button type="submit" className="btn btn-small">
              {t("participation.comments.replySubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {c.canEdit || editState ? (
        <details open={Boolean(editState)} key={`e-${ui.formKey}`}>
          <summary>{t("participation.comments.edit")}</summary>
          <Form method="post" className="edit-form">
            <FormAlert id={`${editId}-error`} message={editState?.message} />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="commentId" value={c.id} />
            <TextArea
              formId={editId}
              name="body"
              label={t("participation.comments.editBody")}
              hint={t("participation.comments.editHint")}
              rows={4}
              maxLength={MAX_COMMENT_LENGTH}
              defaultValue={c.body ?? ""}
              required
              ui={ui}
            />
            <button type="submit" className="btn btn-small">
              {t("participation.comments.editSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {c.canDelete ? (
        <>
          <FormAlert id={`${deleteId}-error`} message={deleteState?.message} />
          <ButtonForm intent="delete" fields={{ commentId: c.id }} label={t("participation.comments.delete")} />
        </>
      ) : null}
      <ModerationActions kind="comment" id={c.id} status={c.status} ui={ui} />
      {ui.signedIn && c.status === "published" && !c.deleted ? <ReportForm kind="section_comment" id={c.id} /> : null}
    </div>
  );
}
