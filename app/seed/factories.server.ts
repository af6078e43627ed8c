// The data factories shared by the vitest tests (test/*.ts), the Playwright fixtures (e2e/fixtures/)
// and the demo seed: small functions that each create exactly the rows a test needs, through the
// drizzle schema and the app's db module (and, for sessions, the app's own session code). They run
// on whichever database the app's db module opened (DATABASE_URL), inside a transaction of it too.
export * from "./factories/accounts.server";
export * from "./factories/comments.server";
export * from "./factories/contributions.server";
export * from "./factories/drafts.server";
export * from "./factories/meetings.server";
export * from "./factories/moderation.server";
export * from "./factories/reference.server";
export * from "./factories/reports.server";
