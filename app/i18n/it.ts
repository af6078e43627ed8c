import common from "./it/common";
import accounts from "./it/accounts";

/** The Italian catalogue: the reference, every key is defined here first. */
export const it = {
  ...common,
  ...accounts,
} as const;

export type MessageKey = keyof typeof it;
