import common from "./it/common";
import accounts from "./it/accounts";
import plan from "./it/plan";
import territory from "./it/territory";

/** The Italian catalogue: the reference, every key is defined here first. */
export const it = {
  ...common,
  ...accounts,
  ...plan,
  ...territory,
} as const;

export type MessageKey = keyof typeof it;
