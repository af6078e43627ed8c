import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { processes } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { insertAmendment, insertContributionComment, insertSectionComment } from "../../../test/moderation";
import { publish, sendBack } from "../../../test/decisions";
import { giveOutcome } from "./outcomes.server";
import { itemDetail, listQueue } from "./queue.server";
import { workload } from "./workload.server";

let staff: { id: string };
let author: { id: string };
const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
let ids: Record<string, number>;

beforeAll(() => {
  seedReference();
  staff = insertUser("Capo settore", "staff");
  author = insertUser("Autrice");
  const v = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
  const published = insertContribution({ authorId: author.id, comuni: [ISTAT.rho] });
  ids = {
    old: insertContribution({ status: "pending", authorId: author.id, comuni: [ISTAT.rho], strategyCode: "STTM1" }),
    sttm2: insertContribution({ status: "pending", authorId: author.id, comuni: [ISTAT.milano], strategyCode: "STTM2" }),
    published,
    comment: insertContributionComment({ contributionId: published, authorId: author.id, status: "pending", createdAt: ago(2) }),
    sectionComment: insertSectionComment({ versionId: v.versionId, sectionId: v.bySection["2.3"], authorId: author.id, status: "pending", createdAt: ago(10) }),
    amendment: insertAmendment({ versionId: v.versionId, sectionId: v.bySection["2.3"], authorId: author.id, createdAt: ago(1) }),
  };
  // Make the contributions' waiting dates explicit.
  db.run(`update contributions set created_at = ${Math.floor(ago(20).getTime() / 1000)}, updated_at = ${Math.floor(ago(20).getTime() / 1000)} where id = ${ids.old}` as never);
  db.run(`update contributions set created_at = ${Math.floor(ago(5).getTime() / 1000)}, updated_at = ${Math.floor(ago(5).getTime() / 1000)} where id = ${ids.sttm2}` as never);
});

const keys = (rows: { kind: string; id: number }[]) => rows.map((r) => `${r.kind}:${r.id}`);

describe("the queue", () => {
  it("lists every kind waiting, oldest first", () => {
    const { rows } = listQueue({}, now);
    expect(keys(rows)).toEqual([
      `contribution:${ids.old}`,
      `section_comment:${ids.sectionComment}`,
      `contribution:${ids.sttm2}`,
      `contribution_comment:${ids.comment}`,
      `amendment:${ids.amendment}`,
    ]);
    expect(rows.every((r) => r.state === "pending")).toBe(true);
  });

  it("filters by kind, STTM, zone and age", () => {
    expect(keys(listQueue({ kind: "amendment" }, now).rows)).toEqual([`amendment:${ids.amendment}`]);
    expect(keys(listQueue({ sttm: "STTM2" }, now).rows)).toEqual([`contribution:${ids.sttm2}`]);
    // Rho is in zone Nord Ovest; the comment on a contribution placed at Rho is there too.
    const zoneOfRho = db.get<{ z: string }>(`select zone_id as z from comuni where istat = '${ISTAT.rho}'` as never)!.z;
    expect(keys(listQueue({ zone: zoneOfRho }, now).rows)).toEqual([`contribution:${ids.old}`, `contribution_comment:${ids.comment}`]);
    expect(keys(listQueue({ olderThanDays: 7 }, now).rows)).toEqual([`contribution:${ids.old}`, `section_comment:${ids.sectionComment}`]);
  });

  it("under post-moderation, a published item waits for review until staff confirm it", () => {
    db.update(processes).set({ moderationMode: "post" }).run();
    try {
      const id = insertContribution({ authorId: author.id });
      expect(listQueue({ kind: "contribution" }, now).rows.find((r) => r.id === id)).toMatchObject({ state: "review", status: "published" });
      publish({ actorId: staff.id, item: { kind: "contribution", id } });
      expect(listQueue({ kind: "contribution" }, now).rows.some((r) => r.id === id)).toBe(false);
    } finally {
      db.update(processes).set({ moderationMode: "pre" }).where(eq(processes.moderationMode, "post")).run();
    }
  });

  it("the detail of an item has its full text and metadata", () => {
    const d = itemDetail({ kind: "contribution", id: ids.old })!;
    expect(d).toMatchObject({ kind: "contribution", status: "pending", body: "Testo del contributo di prova." });
    expect(d.contribution!.comuni.map((c) => c.istat)).toEqual([ISTAT.rho]);
    expect(itemDetail({ kind: "amendment", id: 9_999_999 })).toBeNull();
  });
});

describe("the workload view", () => {
  it("counts what waits, the oldest age, decisions per moderator and contributions without outcome per STTM", () => {
    const extra = insertContribution({ status: "pending", authorId: author.id });
    sendBack({ actorId: staff.id, contributionId: extra, message: "Manca il luogo." });
    giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: ids.published, outcome: "accolto", response: "Accolto." });
    const w = workload(now);
    expect(w.total).toBe(5);
    expect(w.oldestAgeDays).toBe(20);
    expect(w.byKind.find((k) => k.kind === "contribution")).toMatchObject({ pending: 2, total: 2 });
    expect(w.sentBack).toBe(1);
    expect(w.perModerator).toEqual([expect.objectContaining({ actorId: staff.id, name: "Capo settore", count: 3 })]);
    expect(w.withoutOutcome.find((r) => r.strategyCode === "STTM1")).toMatchObject({ published: 2, without: 1 });
  });
});
