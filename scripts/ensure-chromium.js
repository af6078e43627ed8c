// Makes sure a Chromium is there before the e2e suite: system package when root, else
// Playwright's download, else a clear message and a non-zero exit.
import { execSync } from "node:child_process";
import { findChromium } from "./chromium.js";

function run(cmd) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: "inherit" });
}

let found = findChromium();
if (found) {
  console.log(`Chromium: ${found.path} (${found.source})`);
  process.exit(0);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot) {
  try {
    run("apt-get update -qq");
    run("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  } catch {
    console.warn("Installing Debian's chromium failed; trying Playwright's download.");
  }
  found = findChromium();
}
if (!found) {
  try {
    run("npx playwright install chromium");
  } catch {
    // reported below
  }
  found = findChromium();
}
if (!found) {
  console.error(
    [
      "",
      "No Chromium found for the end-to-end tests, and none could be installed.",
      "Install one of these and run `npm test` again:",
      "  - Debian/Ubuntu (as root): apt-get install -y chromium",
      "  - Playwright's own build:  npx playwright install chromium",
      "  - or point CHROMIUM_PATH at an existing Chromium or Chrome executable.",
      "",
    ].join("\n"),
  );
  process.exit(1);
}
console.log(`Chromium: ${found.path} (${found.source})`);
