import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/chromium.js";

// Each run gets its own port and database (set once in the main process; workers inherit the
// environment), so two runs on one machine do not collide.
process.env.E2E_PORT ??= String(3200 + (process.pid % 700));
process.env.E2E_DATABASE ??= `e2e/.data/${process.env.E2E_PORT}/e2e.db`;
const PORT = Number(process.env.E2E_PORT);
const E2E_DATABASE = process.env.E2E_DATABASE;
const chromium = findChromium();

export default defineConfig({
  testDir: "./e2e",
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 90_000, // axe tests walk many pages in one test; 2-core CI machine
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    locale: "it-IT",
    timezoneId: "Europe/Rome",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Playwright's own build needs no path; a system or CHROMIUM_PATH one does.
          executablePath: chromium && chromium.source !== "playwright" ? chromium.path : undefined,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // A production build on a fresh database, with the demo accounts.
    command: `rm -rf ${JSON.stringify(E2E_DATABASE.replace(/\/[^/]*$/, ""))} build-e2e${PORT} public/build-e2e${PORT} && npm run build && node server.js`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      CONCERTA_BUILD_ID: `e2e${PORT}`,
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE,
      CONCERTA_DEMO_SEED: "true",
      COOKIE_SECURE: "false",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
      MAP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    },
  },
});
