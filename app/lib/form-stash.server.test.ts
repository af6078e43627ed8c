import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { formStashes, users } from "~db/schema";
import { deleteDraft, loadDraft, purgeExpiredStashes, restore, saveDraft, stash, STASH_TTL_MS } from "./form-stash.server";

const PATH = "/contributi/nuovo";
let userId: string;

beforeAll(() => {
  userId = randomUUID();
  db.insert(users).values({ id: userId, email: "stash@example.org", name: "Stash", role: "participant" }).run();
});

describe("stash and restore", () => {
  it("gives the values back once, for the same form only", () => {
    const token = stash(PATH, { title: "Una pista ciclabile", targetCodes: ["STTM1.1", "STTM1.2"] });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(restore(token, "/altro")).toBeNull(); // another form: not given, and not consumed
    expect(restore(token, PATH)).toEqual({ title: "Una pista ciclabile", targetCodes: ["STTM1.1", "STTM1.2"] });
    expect(restore(token, PATH)).toBeNull(); // single use
  });

  it("expires after 24 hours and is purged", () => {
    const then = new Date("2026-03-01T10:00:00Z");
    const token = stash(PATH, { title: "x" }, null, then);
    expect(restore(token, PATH, new Date(then.getTime() + STASH_TTL_MS + 1000))).toBeNull();
    const other = stash(PATH, { title: "y" }, null, then);
    expect(purgeExpiredStashes(new Date(then.getTime() + STASH_TTL_MS + 1000))).toBeGreaterThanOrEqual(1);
    expect(db.select().from(formStashes).where(eq(formStashes.token, other)).get()).toBeUndefined();
  });

  it("refuses tokens that are not stash tokens (a draft key, garbage)", () => {
    saveDraft(userId, PATH, { title: "bozza" });
    expect(restore(`draft:${userId}:${PATH}`, PATH)).toBeNull();
    expect(restore("'; drop table form_stashes; --", PATH)).toBeNull();
    expect(restore(null, PATH)).toBeNull();
    expect(loadDraft(userId, PATH)).toEqual({ title: "bozza" });
  });

  it("keeps the short fields when the payload is huge", () => {
    const token = stash(PATH, { title: "Titolo", geometry: "x".repeat(300_000) });
    expect(restore(token, PATH)).toEqual({ title: "Titolo" });
  });
});

describe("saved drafts", () => {
  it("one row per user and form, replaced at each save, deleted on demand", () => {
    saveDraft(userId, "/contributi/nuovo", { title: "primo" });
    saveDraft(userId, "/contributi/nuovo", { title: "secondo", body: "testo" });
    expect(loadDraft(userId, "/contributi/nuovo")).toEqual({ title: "secondo", body: "testo" });
    const rows = db.select().from(formStashes).where(eq(formStashes.userId, userId)).all().filter((r) => r.path === "/contributi/nuovo");
    expect(rows).toHaveLength(1);
    expect(loadDraft(randomUUID(), "/contributi/nuovo")).toBeNull();
    deleteDraft(userId, "/contributi/nuovo");
    expect(loadDraft(userId, "/contributi/nuovo")).toBeNull();
  });
});
