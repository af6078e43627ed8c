// The Chromium the server prints report PDFs with: the same finder the test tooling uses
// (scripts/chromium.js stays plain JavaScript so that scripts/ensure-chromium.js and
// playwright.config.ts run it without a build): CHROMIUM_PATH, the system package, Playwright's own.
import { CHROMIUM_ARGS as ARGS, findChromium as find } from "../../scripts/chromium.js";

export type ChromiumLocation = { path: string; source: "env" | "system" | "playwright" };

export const CHROMIUM_ARGS: readonly string[] = ARGS;

export function findChromium(): ChromiumLocation | null {
  return find() as ChromiumLocation | null;
}
