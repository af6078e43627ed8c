import { Form, Link } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { ReportForm } from "~/components/moderation/ReportForm";
import { Byline, VersionTag, When } from "~/components/participation/Byline";
import { StatusBadge } from "~/components/participation/StatusBadge";
import { ButtonForm, FormAlert, ModerationActions, OnBehalfSelect, stateFor, TextArea, type Ui } from "~/components/participation/forms";
import { commentAnchor, MAX_COMMENT_LENGTH, type CommentThread as Thread, type CommentView } from "~/domain/comments/comments";
import type { ModeratedKind } from "~db/schema/enums";
import { useT } from "~/i18n/react";

// The one component family for comments, whatever they are about: a section with the thread, the
// form for a new comment and the log-in link; nested lists of comments with replies under what they
// answer; each comment's reply, edit (15 minutes), delete, staff's approve/reject and report forms.
// Everything works without JavaScript (plain forms, <details> to open a reply or an edit).

type ThreadProps = {
  thread: Thread;
  ui: Ui;
  /** The accessible name of the list, e.g. "Commenti al contributo". */
  label: string;
  /** How reports name a comment of this subject. */
  itemKind: Extract<ModeratedKind, "contribution_comment" | "section_comment">;
  /** Whether the viewer may write a new comment now (signed in and the subject open). */
  canPost: boolean;
  /** Shown to people not signed in; omit when the page has its own call to log in. */
  loginHref?: string;
  /** A line under the form's title (e.g. how comments are moderated). */
  note?: string;
};

export function CommentsSection({ thread, ui, label, itemKind, canPost, loginHref, note }: ThreadProps) {
  const t = useT();
  const state = stateFor(ui, "comment");
  return (
    <section aria-labelledby="comments-title" className="participation-block">
      <h2 id="comments-title" tabIndex={-1}>
        {t("comments.title")} <span className="count">({thread.published})</span>
      </h2>
      {thread.threads.length === 0 ? <p className="muted">{t("comments.none")}</p> : <CommentList comments={thread.threads} ui={ui} label={label} itemKind={itemKind} />}
      {ui.signedIn && (canPost || state) ? (
        <Form method="post" noValidate className="participation-form comment-form" key={`comment-${ui.formKey}`} preventScrollReset>
          <h3 id="new-comment-title">{t("comments.new")}</h3>
          {note ? <p className="muted">{note}</p> : null}
          <FormAlert id="comment-error" message={state?.message} />
          <input type="hidden" name="intent" value="comment" />
          <TextArea formId="comment" name="body" label={t("comments.body")} hint={t("comments.bodyHint")} rows={5} maxLength={MAX_COMMENT_LENGTH} defaultValue="" required ui={ui} />
          <OnBehalfSelect formId="comment" ui={ui} />
          <button type="submit" className="btn">
            {t("comments.submit")}
          </button>
        </Form>
      ) : null}
      {!ui.signedIn && loginHref ? (
        <p>
          <Link to={loginHref}>{t("comments.login")}</Link>
        </p>
      ) : null}
    </section>
  );
}

type ListProps = { comments: CommentView[]; ui: Ui; label: string; itemKind: ThreadProps["itemKind"] };

function CommentList({ comments, ui, label, itemKind }: ListProps) {
  return (
    <ol className="comments" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} ui={ui} itemKind={itemKind} />
      ))}
    </ol>
  );
}

function CommentItem({ comment: c, ui, itemKind }: { comment: CommentView; ui: Ui; itemKind: ListProps["itemKind"] }) {
  const t = useT();
  const anchor = commentAnchor(c.id);
  return (
    <li className="comment">
      <article id={anchor} aria-labelledby={`${anchor}-by`} className={c.status === "published" ? undefined : "comment-unpublished"}>
        {c.deleted ? (
          <p className="muted comment-deleted" id={`${anchor}-by`}>
            {t("comments.deleted")}
          </p>
        ) : (
          <>
            <p className="comment-meta" id={`${anchor}-by`}>
              <Byline authorName={c.authorName} organizationName={c.organizationName} /> · <When iso={c.createdAt} />
              {c.editedAt ? <span className="muted"> ({t("comments.edited")})</span> : null}
              {c.version ? (
                <>
                  {" · "}
                  <VersionTag label={c.version.label} current={c.version.id === ui.currentVersionId} />
                </>
              ) : null}{" "}
              <StatusBadge status={c.status} showPublished={ui.isStaff} />
            </p>
            <div lang={ui.contentLang}>
              <RichText html={c.bodyHtml} className="comment-body" />
            </div>
            <CommentActions comment={c} ui={ui} itemKind={itemKind} />
          </>
        )}
      </article>
      {c.replies.length > 0 ? (
        <CommentList comments={c.replies} ui={ui} itemKind={itemKind} label={t("comments.repliesLabel", { name: c.deleted ? "—" : (c.organizationName ?? c.authorName) })} />
      ) : null}
    </li>
  );
}

function CommentActions({ comment: c, ui, itemKind }: { comment: CommentView; ui: Ui; itemKind: ListProps["itemKind"] }) {
  const t = useT();
  const replyId = `reply-${c.id}`;
  const editId = `edit-${c.id}`;
  const deleteId = `delete-${c.id}`;
  const replyState = stateFor(ui, replyId);
  const editState = stateFor(ui, editId);
  const deleteState = stateFor(ui, deleteId);
  // A refused form stays on the page (with what was typed) even if the subject has closed meanwhile.
  const canReply = ui.signedIn && ((ui.windowOpen && (c.status === "published" || c.mine)) || Boolean(replyState));
  return (
    <div className="comment-actions">
      {canReply ? (
        <details open={Boolean(replyState)} key={`r-${ui.formKey}`}>
          <summary>{t("comments.replyTo", { name: c.organizationName ?? c.authorName })}</summary>
          <Form method="post" className="reply-form" preventScrollReset>
            <FormAlert id={`${replyId}-error`} message={replyState?.message} />
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="parentId" value={c.id} />
            <TextArea formId={replyId} name="body" label={t("comments.replyBody")} rows={3} maxLength={MAX_COMMENT_LENGTH} defaultValue="" required ui={ui} />
            <OnBehalfSelect formId={replyId} ui={ui} />
            <button type="submit" className="btn btn-small">
              {t("comments.replySubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {c.canEdit || editState ? (
        <details open={Boolean(editState)} key={`e-${ui.formKey}`}>
          <summary>{t("comments.edit")}</summary>
          <Form method="post" className="edit-form" preventScrollReset>
            <FormAlert id={`${editId}-error`} message={editState?.message} />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="commentId" value={c.id} />
            <TextArea
              formId={editId}
              name="body"
              label={t("comments.editBody")}
              hint={t("comments.editHint")}
              rows={4}
              maxLength={MAX_COMMENT_LENGTH}
              defaultValue={c.body ?? ""}
              required
              ui={ui}
            />
            <button type="submit" className="btn btn-small">
              {t("comments.editSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {c.canDelete ? (
        <>
          <FormAlert id={`${deleteId}-error`} message={deleteState?.message} />
          <ButtonForm intent="delete" fields={{ commentId: c.id }} label={t("comments.delete")} />
        </>
      ) : null}
      <ModerationActions kind="comment" id={c.id} status={c.status} revision={c.revision} ui={ui} />
      {ui.signedIn && c.status === "published" && !c.deleted ? <ReportForm kind={itemKind} id={c.id} /> : null}
    </div>
  );
}
