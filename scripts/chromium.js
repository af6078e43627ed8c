// Finds a Chromium for Playwright: CHROMIUM_PATH, the system package, or Playwright's own download.
import fs from "node:fs";
import { createRequire } from "node:module";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome"];

/** Launch flags that keep Chromium from calling the network on its own (CI has none). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

function playwrightOwn() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core");
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * { path, source } of the Chromium to use, or null. `source` is "env", "system" or
 * "playwright" (Playwright's own build: no executablePath needed).
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return { path: fromEnv, source: "env" };
  for (const p of SYSTEM_PATHS) if (fs.existsSync(p)) return { path: p, source: "system" };
  const own = playwrightOwn();
  if (own) return { path: own, source: "playwright" };
  return null;
}
