import { describe, expect, it } from "vitest";
import { cookieSecure, parseEnv, shouldSeedDemo } from "./env.server";

describe("environment", () => {
  it("has working defaults", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ PORT: 3000, DATABASE_URL: "./data/concerta.db", NODE_ENV: "development" });
    expect(shouldSeedDemo(e)).toBe(true);
    expect(cookieSecure(e)).toBe(false);
  });

  it("seeds no demo accounts in production without the explicit flag", () => {
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "production", CONCERTA_DEMO_SEED: "false" }))).toBe(false);
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "production", CONCERTA_DEMO_SEED: "true" }))).toBe(true);
  });

  it("makes the session cookie Secure in production unless told otherwise", () => {
    expect(cookieSecure(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(cookieSecure(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "false" }))).toBe(false);
  });

  it("refuses malformed values", () => {
    expect(() => parseEnv({ PORT: "porta" })).toThrow(/PORT/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});
