// The demo participation report: sections linked and outcomes given when the demo has none, one
// published version, nothing more on a second run.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { seedDemoContributions } from "~/seed/demo/contributions.server";
import { DEMO_STTM1_LABEL, seedDemoDrafts } from "~/seed/demo/drafts.server";
import { db } from "~/lib/db.server";
import { draftVersions, outcomes, reportVersions, sectionLinks } from "~db/schema";
import { seedReference } from "../../../test/db";
import { itemRefs, type ReportDocument } from "~/domain/reports/document";
import { seedDemoParticipationReport } from "~/seed/demo/participation-report.server";

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
  await seedDemoDrafts();
  seedDemoContributions();
});

describe("demo participation report", () => {
  it("links a few contributions, gives outcomes, publishes version 1 once", async () => {
    expect(await seedDemoParticipationReport()).toBe(1);
    expect(await seedDemoParticipationReport()).toBe(0);
    const version = db.select().from(draftVersions).where(eq(draftVersions.label, DEMO_STTM1_LABEL)).get()!;
    const links = db.select().from(sectionLinks).where(eq(sectionLinks.versionId, version.id)).all();
    expect(new Set(links.map((l) => l.itemId)).size).toBe(6);
    expect(db.select().from(outcomes).all()).toHaveLength(4);
    const published = db.select().from(reportVersions).all();
    expect(published).toHaveLength(1);
    const doc = JSON.parse(published[0].document) as ReportDocument;
    expect(doc.kind).toBe("participation");
    const ids = itemRefs(doc)
      .filter((r) => r.kind === "contribution")
      .map((r) => r.id);
    for (const id of new Set(links.map((l) => l.itemId))) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
