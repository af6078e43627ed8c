import { asc } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { frameworks, objectives, principles, strategies, targets } from "~db/schema";
import { seedReference } from "../../../test/db";
import { seedPlan } from "~/seed/plan.server";
import {
  getStrategy,
  listFrameworks,
  listObjectives,
  listPrinciples,
  listStrategies,
  processMilestones,
  processRules,
} from "./plan.server";
import { formatMilestoneDate, milestoneDateParts } from "./milestones";

beforeAll(() => {
  seedReference();
});

async function snapshot() {
  return {
    principles: await db.select().from(principles).orderBy(asc(principles.code)),
    objectives: await db.select().from(objectives).orderBy(asc(objectives.code)),
    frameworks: await db.select().from(frameworks).orderBy(asc(frameworks.code)),
    strategies: await db.select().from(strategies).orderBy(asc(strategies.code)),
    targets: await db.select().from(targets).orderBy(asc(targets.code)),
  };
}

describe("plan reference data", () => {
  it("has the three STTM with 3 + 3 + 4 work targets, in order", async () => {
    const list = await listStrategies();
    expect(list.map((s) => [s.code, s.number, s.targets.length])).toEqual([
      ["STTM1", 1, 3],
      ["STTM2", 2, 3],
      ["STTM3", 3, 4],
    ]);
    expect(list.flatMap((s) => s.targets).length).toBe(10);
    expect(list[0].title).toMatch(/sostenibilità/);
    expect(list[0].targets.map((t) => t.code)).toEqual(["STTM1.1", "STTM1.2", "STTM1.3"]);
    expect(list[2].targets[3]).toEqual({
      code: "STTM3.4",
      title: "Compatibilità territoriale e ambientale degli insediamenti per la logistica",
      theme: "Spazi produttivi e logistica",
    });
  });

  it("has 4 principles, 10 objectives and 3 frameworks, in order", async () => {
    expect((await listPrinciples()).map((p) => p.code)).toEqual(["P1", "P2", "P3", "P4"]);
    expect((await listObjectives()).map((o) => o.code)).toEqual(["Ob1", "Ob2", "Ob3", "Ob4", "Ob5", "Ob6", "Ob7", "Ob8", "Ob9", "Ob10"]);
    const quadri = await listFrameworks();
    expect(quadri.map((f) => f.code)).toEqual(["conoscitivo", "strategico", "normativo"]);
    expect(quadri.every((f) => f.about.length > 20)).toBe(true);
  });

  it("seeding again changes nothing", async () => {
    const before = await snapshot();
    seedPlan(db);
    seedPlan(db);
    expect(await snapshot()).toEqual(before);
    expect(before.targets).toHaveLength(10);
  });
});

describe("getStrategy", () => {
  it("finds a strategy whatever the case of the code, with its targets", async () => {
    const s = await getStrategy("sttm2");
    expect(s?.code).toBe("STTM2");
    expect(s?.number).toBe(2);
    expect(s?.targets.map((t) => t.code)).toEqual(["STTM2.1", "STTM2.2", "STTM2.3"]);
    expect((await getStrategy(" Sttm3 "))?.targets).toHaveLength(4);
  });

  it("returns null for an unknown code", async () => {
    expect(await getStrategy("STTM9")).toBeNull();
    expect(await getStrategy("")).toBeNull();
  });
});

describe("process", () => {
  it("has the five milestones in chronological order and the art. 7bis rules", () => {
    const milestones = processMilestones();
    expect(milestones.map((m) => m.kind)).toEqual(["avvio", "kickoff", "tavolo_comuni", "presentazione", "tavolo_territoriale"]);
    const rules = processRules();
    expect(rules.some((r) => r.ref.startsWith("art. 7bis") && /90 giorni/.test(r.rule))).toBe(true);
    expect(rules.some((r) => r.ref.startsWith("art. 7bis") && /Conferenza istruttoria/.test(r.rule))).toBe(true);
  });
});

describe("milestone dates", () => {
  it("shows a month range as months, the year once", () => {
    expect(formatMilestoneDate("it", "2022-10", "2022-11")).toBe("ottobre – novembre 2022");
    expect(formatMilestoneDate("en", "2022-10", "2022-11")).toBe("October – November 2022");
  });

  it("shows full dates with the day, and does not shift months at the edges", () => {
    expect(formatMilestoneDate("it", "2022-04-14")).toBe("14 aprile 2022");
    expect(formatMilestoneDate("en", "2022-04-14")).toBe("14 April 2022");
    expect(formatMilestoneDate("it", "2023-01-01")).toBe("1 gennaio 2023");
    expect(formatMilestoneDate("it", "2022-12-31")).toBe("31 dicembre 2022");
    expect(formatMilestoneDate("it", "2023-01")).toBe("gennaio 2023");
    expect(formatMilestoneDate("it", "2022-12")).toBe("dicembre 2022");
  });

  it("keeps both years when a range crosses the new year", () => {
    expect(formatMilestoneDate("it", "2022-12", "2023-01")).toBe("dicembre 2022 – gennaio 2023");
  });

  it("gives machine-readable values for <time dateTime>", () => {
    expect(milestoneDateParts("it", "2023-01", "2023-02")).toEqual([
      { dateTime: "2023-01", text: "gennaio" },
      { dateTime: "2023-02", text: "febbraio 2023" },
    ]);
    expect(() => milestoneDateParts("it", "ottobre 2022")).toThrow();
  });

  it("formats every milestone of the seed file", () => {
    const labels = processMilestones().map((m) => formatMilestoneDate("it", m.date, m.endDate));
    expect(labels).toEqual(["14 aprile 2022", "24 maggio 2022", "ottobre – novembre 2022", "5 dicembre 2022", "gennaio – febbraio 2023"]);
  });
});
