import type it from "../it/comments";

/** Comments, on whatever they are about (a contribution, a section of a draft…): one set of texts. */
const comments: Record<keyof typeof it, string> = {
  "comments.title": "Comments",
  "comments.none": "No comments yet.",
  "comments.new": "Write a comment",
  "comments.body": "Your comment",
  "comments.bodyHint": "Plain text or Markdown (bold, lists, links), no HTML. At most 5,000 characters.",
  "comments.submit": "Send the comment",
  "comments.login": "Log in to comment",
  "comments.moderationNote": "Comments are published after the editorial team has checked them; while it waits, only you see your comment.",
  "comments.deleted": "Comment deleted by its author.",
  "comments.edited": "edited",
  "comments.repliesLabel": "Replies to {name}'s comment",
  "comments.replyTo": "Reply to {name}",
  "comments.replyBody": "Your reply",
  "comments.replySubmit": "Send the reply",
  "comments.edit": "Edit",
  "comments.editBody": "Text of the comment",
  "comments.editHint": "A comment can be edited within 15 minutes of posting.",
  "comments.editSubmit": "Save the change",
  "comments.delete": "Delete the comment",

  "comments.ok.comment.pending": "Comment sent: everyone will see it once it has been moderated.",
  "comments.ok.comment.published": "Comment published.",
  "comments.ok.edited": "Comment edited.",
  "comments.ok.deleted": "Comment deleted.",

  "comments.error.empty": "Write the text of the comment.",
  "comments.error.tooLong": "A comment can have at most 5,000 characters.",
  "comments.error.notFound": "Comment not found on this page.",
  "comments.error.subjectNotFound": "What you want to comment on no longer exists.",
  "comments.error.notMember": "You cannot act on behalf of this organization: you are not one of its approved representatives.",
  "comments.error.parentInvalid": "The comment you are replying to no longer exists, is not visible or is not on this page.",
  "comments.error.notAuthor": "You can only edit or delete your own comments.",
  "comments.error.editExpired": "The comment can no longer be edited: comments can be edited only within 15 minutes of posting.",
  "comments.error.notEditable": "This comment cannot be edited.",
  "comments.error.alreadyDeleted": "The comment has already been deleted.",
};

export default comments;
