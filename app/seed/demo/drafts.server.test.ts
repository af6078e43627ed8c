import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { draftVersions } from "~db/schema";
import { seedReference } from "../../../test/db";
import { DEMO_STTM1_LABEL, DEMO_STTM2_LABEL, seedDemoDrafts } from "~/seed/demo/drafts.server";
import { versionSections } from "~/domain/drafts/versions.server";

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
});

describe("demo drafts", () => {
  it("puts STTM 1's v0.1 in consultation for 90 days and leaves STTM 2's a bozza, once", async () => {
    const now = new Date("2026-11-25T09:00:00Z");
    await seedDemoDrafts(now);
    await seedDemoDrafts(now);
    const rows = db.select().from(draftVersions).all();
    expect(rows.map((r) => [r.strategyCode, r.label, r.status])).toEqual([
      ["STTM1", DEMO_STTM1_LABEL, "in_consultazione"],
      ["STTM2", DEMO_STTM2_LABEL, "bozza"],
    ]);
    const v1 = rows[0];
    expect(v1.publishedAt?.toISOString()).toBe(now.toISOString());
    expect(v1.commentsOpenUntil!.getTime() - v1.commentsOpenFrom!.getTime()).toBe(90 * 86_400_000);
    const s23 = versionSections(v1.id).find((s) => s.number === "2.3")!;
    expect(s23.title).toBe("Nature-Based Solutions (NBS)");
    expect(s23.targetCodes).toEqual(["STTM1.3"]);
    expect(s23.frameworkCode).toBe("strategico");
    expect(db.select().from(draftVersions).where(eq(draftVersions.strategyCode, "STTM2")).all()).toHaveLength(1);
  });
});
