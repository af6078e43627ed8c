import { Form } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { Byline } from "~/components/participation/CommentThread";
import { longDateTime } from "./format";
import { StatusBadge } from "~/components/participation/StatusBadge";
import { ButtonForm, FormAlert, ModerationActions, OnBehalfSelect, stateFor, TextArea, type Ui } from "~/components/participation/forms";
import { commentAnchor, MAX_COMMENT_LENGTH, type ContributionCommentView } from "~/domain/contributions/page";
import { ReportForm } from "~/components/moderation/ReportForm";
import { useLang, useT } from "~/i18n/react";

/**
 * The comments on a contribution as nested lists (replies under what they answer), with the forms
 * to reply, delete one's own and (staff) moderate. The forms and the `Ui` shape are those of the
 * comments on draft sections, so both places look and behave alike. Everything works without
 * JavaScript (plain forms, <details> to open a reply).
 */
export function ContributionComments({ comments, ui, label }: { comments: ContributionCommentView[]; ui: Ui; label: string }) {
  return (
    <ol className="comments" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} ui={ui} />
      ))}
    </ol>
  );
}

function CommentItem({ comment: c, ui }: { comment: ContributionCommentView; ui: Ui }) {
  const t = useT();
  const lang = useLang();
  const anchor = commentAnchor(c.id);
  return (
    <li className="comment">
      <article id={anchor} aria-labelledby={`${anchor}-by`} className={c.status === "published" ? undefined : "comment-unpublished"}>
        {c.deleted ? (
          <p className="muted comment-deleted" id={`${anchor}-by`}>
            {t("browse.comments.deleted")}
          </p>
        ) : (
          <>
            <p className="comment-meta" id={`${anchor}-by`}>
              <Byline authorName={c.authorName} organizationName={c.organizationName} /> · <time dateTime={c.createdAt}>{longDateTime(lang, c.createdAt)}</time>{" "}
              <StatusBadge status={c.status} showPublished={ui.isStaff} />
            </p>
            <div lang={ui.contentLang}>
              <RichText html={c.bodyHtml} className="comment-body" />
            </div>
            <CommentActions comment={c} ui={ui} />
          </>
        )}
      </article>
      {c.replies.length > 0 ? (
        <ol className="comment-replies" aria-label={t("browse.comments.repliesLabel", { name: c.deleted ? "—" : c.organizationName ?? c.authorName })}>
          {c.replies.map((r) => (
            <CommentItem key={r.id} comment={r} ui={ui} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function CommentActions({ comment: c, ui }: { comment: ContributionCommentView; ui: Ui }) {
  const t = useT();
  const replyId = `reply-${c.id}`;
  const deleteId = `delete-${c.id}`;
  const replyState = stateFor(ui, replyId);
  const deleteState = stateFor(ui, deleteId);
  const canReply = ui.signedIn && ui.windowOpen && (c.status === "published" || c.mine);
  return (
    <div className="comment-actions">
      {canReply || replyState ? (
        <details open={Boolean(replyState)} key={`r-${ui.formKey}`}>
          <summary>{t("browse.comments.replyTo", { name: c.organizationName ?? c.authorName })}</summary>
          <Form method="post" className="reply-form" preventScrollReset>
            <FormAlert id={`${replyId}-error`} message={replyState?.message} />
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="parentId" value={c.id} />
            <TextArea
              formId={replyId}
              name="body"
              label={t("browse.comments.replyBody")}
              rows={3}
              maxLength={MAX_COMMENT_LENGTH}
              defaultValue=""
              required
              ui={ui}
            />
            <OnBehalfSelect formId={replyId} ui={ui} />
            <button type="submit" className="btn btn-small">
              {t("browse.comments.replySubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {c.canDelete ? (
        <>
          <FormAlert id={`${deleteId}-error`} message={deleteState?.message} />
          <ButtonForm intent="delete" fields={{ commentId: c.id }} label={t("browse.comments.delete")} />
        </>
      ) : null}
      <ModerationActions kind="comment" id={c.id} status={c.status} ui={ui} />
      {ui.signedIn && c.status === "published" && !c.deleted ? <ReportForm kind="contribution_comment" id={c.id} /> : null}
    </div>
  );
}
