import common from "./it/common";
import accounts from "./it/accounts";
import notifications from "./it/notifications";
import plan from "./it/plan";
import territory from "./it/territory";
import meetings from "./it/meetings";
import registrations from "./it/registrations";
import participation from "./it/participation";
import processes from "./it/processes";
import drafts from "./it/drafts";
import contributions from "./it/contributions";
import browse from "./it/browse";
import comments from "./it/comments";
import moderation from "./it/moderation";
import reports from "./it/reports";
import dashboard from "./it/dashboard";
import opendata from "./it/opendata";

/** The Italian catalogue: the reference, every key is defined here first. */
export const it = {
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
} as const;

export type MessageKey = keyof typeof it;
