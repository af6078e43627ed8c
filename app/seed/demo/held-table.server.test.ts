import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { db } from "~/lib/db.server";
import { contributions, meetings, reports, reportVersions } from "~db/schema";
import { seedReference } from "../../../test/db";
import { DEMO_HELD_TABLE_TITLE, seedDemoHeldTable } from "~/seed/demo/held-table.server";
import { flattenSections, type ReportDocument } from "~/domain/reports/document";

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
});

describe("demo held territorial table", () => {
  it("seeds once a closed table whose published report lists the zone's comuni that did not attend and maps its contributions", async () => {
    const id = await seedDemoHeldTable();
    expect(await seedDemoHeldTable()).toBe(id);
    expect(db.select().from(meetings).where(eq(meetings.title, DEMO_HELD_TABLE_TITLE)).all()).toHaveLength(1);
    const gathered = db.select().from(contributions).where(eq(contributions.meetingId, id!)).all();
    expect(gathered).toHaveLength(6);
    expect(gathered.every((c) => c.status === "published" && c.geometry && c.organizationId)).toBe(true);
    const version = db.select({ document: reportVersions.document }).from(reportVersions).innerJoin(reports, eq(reports.id, reportVersions.reportId)).where(eq(reports.meetingId, id!)).get()!;
    const doc = JSON.parse(version.document) as ReportDocument;
    const lists = flattenSections(doc.sections).flatMap(({ section }) => section.blocks.filter((b) => b.type === "list"));
    const missing = lists.map((b) => (b.type === "list" ? b.items : [])).find((items) => items.some((i) => i.includes("Cesate")))!;
    expect(missing.map((m) => m.split(" (")[0]).sort()).toEqual(["Baranzate", "Cesate", "Novate Milanese", "Pogliano Milanese", "Pregnana Milanese", "Solaro", "Vanzago"]);
    const map = flattenSections(doc.sections).flatMap(({ section }) => section.blocks).find((b) => b.type === "map");
    expect(map?.type === "map" && map.features.length).toBe(6);
  });
});
