import type { MessageKey } from "./it";
import common from "./en/common";
import accounts from "./en/accounts";

/** The English catalogue: must define every Italian key (the type checks it). */
export const en: Record<MessageKey, string> = {
  ...common,
  ...accounts,
};
