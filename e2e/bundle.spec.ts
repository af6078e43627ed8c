import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures/test";

// The pages' JavaScript must stay small: server-only libraries (zod, drizzle, marked…) must not
// leak into the browser build. Run against the build the e2e server serves.
const buildDir = path.resolve("public", `build-e2e${process.env.E2E_PORT}`);

function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? clientFiles(p) : p.endsWith(".js") ? [p] : [];
  });
}

test("no server-only library is shipped to the browser", () => {
  const leaks: string[] = [];
  for (const file of clientFiles(buildDir)) {
    const text = fs.readFileSync(file, "utf8");
    if (text.includes("ZodError")) leaks.push(`${path.basename(file)}: zod`);
    if (text.includes("drizzle-orm") || text.includes("better-sqlite3")) leaks.push(`${path.basename(file)}: database`);
    if (/marked v\d|sanitize-html/.test(text)) leaks.push(`${path.basename(file)}: markdown`);
    // The message catalogues reach the browser as /i18n/<lang>-<hash>.js, one language at a time.
    if (text.includes("Emendamenti proposti") || text.includes("Proposed amendments")) leaks.push(`${path.basename(file)}: i18n catalogue`);
  }
  expect(leaks).toEqual([]);
});

test("the home page loads under 150 KB of compressed JavaScript", async ({ page }) => {
  let bytes = 0;
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const sizes = await response.request().sizes();
    bytes += sizes.responseBodySize;
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(bytes).toBeGreaterThan(10_000);
  expect(bytes).toBeLessThan(150_000);
});
