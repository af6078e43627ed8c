import type { MessageKey } from "./it";
import common from "./en/common";
import accounts from "./en/accounts";
import notifications from "./en/notifications";
import plan from "./en/plan";
import territory from "./en/territory";
import meetings from "./en/meetings";
import registrations from "./en/registrations";
import participation from "./en/participation";
import processes from "./en/processes";
import drafts from "./en/drafts";
import contributions from "./en/contributions";
import browse from "./en/browse";
import comments from "./en/comments";
import moderation from "./en/moderation";
import reports from "./en/reports";
import dashboard from "./en/dashboard";
import opendata from "./en/opendata";

/** The English catalogue: must define every Italian key (the type checks it). */
export const en: Record<MessageKey, string> = {
  ...common,
  ...accounts,
  ...notifications,
  ...plan,
  ...territory,
  ...meetings,
  ...registrations,
  ...participation,
  ...processes,
  ...drafts,
  ...contributions,
  ...browse,
  ...comments,
  ...moderation,
  ...reports,
  ...dashboard,
  ...opendata,
};
