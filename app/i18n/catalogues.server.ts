// The message catalogues, on the server only: the browser gets the catalogue of the page's language
// through the root loader's data (root.tsx registers it), so neither catalogue is in the JS bundle.
import type { Lang, MessageKey } from "./index";
import { it } from "./it";
import { en } from "./en";

export const catalogues: Record<Lang, Record<MessageKey, string>> = { it, en };
