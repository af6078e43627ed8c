import { DomainError } from "~/lib/domain-error";

/** A refusal of the comments capability: catalogue key, HTTP status, field at fault, values. */
export class CommentError extends DomainError {}
