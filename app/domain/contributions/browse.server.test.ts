import { asc, desc, sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { contributions } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { browseContributions, chooseDriver, COUNT_CAP, filterOptions, listPlan, selectionWhere, type SetFilter } from "./browse.server";
import { MAX_PAGE, parseFilters, type Filters, type SelectionFilters } from "./filters";
import { forgetPublishedStats } from "./published-stats.server";

const ids: Record<string, number> = {};
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

beforeAll(() => {
  seedReference();
  ids.A = insertContribution({
    title: "Mobilità sostenibile alla stazione di Rho",
    body: "Un parcheggio per le biciclette e bus coordinati con i treni.",
    kind: "proposta",
    strategyCode: "STTM2",
    targets: ["STTM2.3"],
    comuni: [ISTAT.rho],
    organizationSlug: "comune-di-rho",
    publishedAt: day("2025-03-10"),
  });
  ids.B = insertContribution({
    title: "Piste ciclabili lungo il Villoresi",
    body: "Collegare i percorsi esistenti tra Rho e Milano.",
    kind: "proposta",
    strategyCode: "STTM1",
    targets: ["STTM1.1"],
    comuni: [ISTAT.rho, ISTAT.milano],
    organizationSlug: "legambiente-lombardia",
    publishedAt: day("2025-06-01"),
    supportCount: 10,
  });
  ids.C = insertContribution({
    title: "Allagamenti in via Roma",
    body: "Ogni temporale la strada si allaga.",
    kind: "segnalazione",
    strategyCode: "STTM1",
    targets: ["STTM1.3"],
    comuni: [ISTAT.magenta],
    publishedAt: day("2024-11-20"),
    supportCount: 3,
  });
  ids.D = insertContribution({
    title: "Servizi sovracomunali a Melzo",
    body: "Una piscina per i comuni della zona.",
    kind: "osservazione",
    strategyCode: "STTM2",
    targets: ["STTM2.1"],
    comuni: [ISTAT.melzo],
    organizationSlug: "politecnico-di-milano",
    publishedAt: day("2025-06-02"),
    supportCount: 5,
  });
  // Not public: never listed, even when they match.
  insertContribution({ title: "Mobilità in attesa di moderazione", status: "pending", comuni: [ISTAT.rho], strategyCode: "STTM2" });
  insertContribution({ title: "Mobilità ritirata", status: "withdrawn", comuni: [ISTAT.rho], strategyCode: "STTM2", withdrawnAt: day("2025-07-01") });
  insertContribution({ title: "Mobilità nascosta", status: "hidden", comuni: [ISTAT.rho], strategyCode: "STTM2", publishedAt: day("2025-05-01") });
  insertContribution({ title: "Mobilità respinta", status: "rejected", comuni: [ISTAT.rho], strategyCode: "STTM2" });
});

async function titlesFor(qs: string) {
  const page = await browseContributions(parseFilters(new URLSearchParams(qs)));
  return page.items.map((i) => i.id);
}

describe("browseContributions: each filter alone", () => {
  it("lists published contributions only, newest first", async () => {
    expect(await titlesFor("")).toEqual([ids.D, ids.B, ids.A, ids.C]);
  });

  it.each([
    ["sttm=STTM1", ["B", "C"]],
    ["sttm=STTM3", []],
    ["target=STTM2.3", ["A"]],
    ["kind=segnalazione", ["C"]],
    ["kind=proposta", ["B", "A"]],
    ["zone=nord-ovest", ["B", "A"]],
    ["zone=milano", ["B"]],
    ["zone=sud-est", []],
    ["comune=015146", ["B"]],
    ["comune=015182", ["B", "A"]],
    ["orgKind=association", ["B"]],
    ["orgKind=comune", ["A"]],
    ["orgKind=university", ["D"]],
    ["orgKind=person", ["C"]],
    ["outcome=without", ["D", "B", "A", "C"]],
    ["outcome=with", []],
    ["from=2025-06-01", ["D", "B"]],
    ["to=2025-03-10", ["A", "C"]],
    ["from=2025-03-10&to=2025-06-01", ["B", "A"]],
    ["q=villoresi", ["B"]],
  ])("%s", async (qs, expected) => {
    expect(await titlesFor(qs)).toEqual(expected.map((k) => ids[k]));
  });
});

describe("browseContributions: search (FTS5, Italian-friendly)", () => {
  it("finds «mobilità» when typing «mobilita», and never what is not published", async () => {
    expect(await titlesFor("q=mobilita")).toEqual([ids.A]);
    expect(await titlesFor("q=MOBILITÀ")).toEqual([ids.A]);
  });

  it("finds a word form: «ciclabile» finds «ciclabili», «piscine» finds «piscina»", async () => {
    expect(await titlesFor("q=ciclabile")).toEqual([ids.B]);
    expect(await titlesFor("q=piscine")).toEqual([ids.D]);
  });

  it("needs every word (AND), in the title or in the text", async () => {
    expect(await titlesFor("q=collegare%20villoresi")).toEqual([ids.B]);
    expect(await titlesFor("q=villoresi%20piscina")).toEqual([]);
  });

  it("treats FTS5 syntax as plain words and ignores a search with nothing searchable", async () => {
    expect(await titlesFor(`q=${encodeURIComponent('"villoresi"* ^( :- )')}`)).toEqual([ids.B]);
    expect(await titlesFor(`q=${encodeURIComponent("villoresi OR allagamenti")}`)).toEqual([]);
    expect(await titlesFor("q=di%20la")).toEqual([ids.D, ids.B, ids.A, ids.C]);
  });
});

describe("browseContributions: filters combined (AND)", () => {
  it.each([
    ["sttm=STTM1&zone=nord-ovest&kind=proposta", ["B"]],
    ["sttm=STTM1&zone=nord-ovest&kind=segnalazione", []],
    ["sttm=STTM2&orgKind=comune", ["A"]],
    ["sttm=STTM2&orgKind=person", []],
    ["q=mobilita&kind=segnalazione", []],
    ["q=mobilita&comune=015182&target=STTM2.3", ["A"]],
    ["zone=nord-ovest&from=2025-04-01", ["B"]],
    ["zone=nord-ovest&outcome=with", []],
    ["comune=015182&orgKind=association&sttm=STTM1&target=STTM1.1&kind=proposta&from=2025-01-01&to=2025-12-31&outcome=without&q=percorsi", ["B"]],
  ])("%s", async (qs, expected) => {
    expect(await titlesFor(qs)).toEqual(expected.map((k) => ids[k]));
  });

  it("sorts by support count when asked", async () => {
    expect(await titlesFor("sort=supported")).toEqual([ids.B, ids.D, ids.C, ids.A]);
    expect(await titlesFor("sort=supported&sttm=STTM1")).toEqual([ids.B, ids.C]);
  });

  it("gives the card facts: comuni, organization or person, STTM, support count", async () => {
    const page = await browseContributions(parseFilters(new URLSearchParams("comune=015146")));
    expect(page.items[0]).toMatchObject({
      id: ids.B,
      title: "Piste ciclabili lungo il Villoresi",
      kind: "proposta",
      strategyCode: "STTM1",
      comuni: ["Milano", "Rho"],
      moreComuni: 0,
      organization: { name: "Legambiente Lombardia", kind: "association" },
      supportCount: 10,
    });
    const person = await browseContributions(parseFilters(new URLSearchParams("orgKind=person")));
    expect(person.items[0].organization).toBeNull();
  });
});

describe("the query plan", () => {
  const dialect = new SQLiteSyncDialect();
  const plan = (f: SelectionFilters, driver: SetFilter | null) => {
    const q = dialect.sqlToQuery(sql`select id from ${contributions} where ${selectionWhere(f, driver)} order by published_at desc, id desc limit 26`);
    return (sqlite.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join("\n");
  };

  it("walks the public list index in date order without set filters", () => {
    expect(plan({}, null)).toMatch(/contributions_public_list_idx/);
    expect(plan({ from: "2025-01-01" }, null)).toMatch(/contributions_public_list_idx \(status=\? AND published_at>\?\)/);
  });

  it("checks link tables through their primary key and searches through the FTS5 index", () => {
    expect(plan({ zone: "nord-ovest" }, null)).toMatch(/EXISTS USING COVERING INDEX/);
    expect(plan({ q: "mobilita" }, null)).toMatch(/contributions_fts VIRTUAL TABLE/);
  });

  it("walks the FTS5 index itself for a search, newest id first, without sorting the matches", () => {
    const text = (f: Filters) => {
      const p = listPlan(f);
      const q = dialect.sqlToQuery(sql`select ${contributions.id} from ${p.from} where ${p.where} order by ${p.order} limit 26`);
      return (sqlite.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join("\n");
    };
    const search = text(parseFilters(new URLSearchParams("q=mobilita&kind=proposta")));
    expect(search).toMatch(/^SCAN contributions_fts VIRTUAL TABLE/);
    expect(search).not.toMatch(/TEMP B-TREE/);
    expect(text(parseFilters(new URLSearchParams("kind=proposta")))).not.toMatch(/TEMP B-TREE/);
  });

  it("starts from a small set filter when there is one", () => {
    expect(chooseDriver({ comune: ISTAT.magenta })).toBe("comune");
    expect(chooseDriver({ comune: ISTAT.rho, q: "mobilita" })).toBe("q");
    expect(plan({ comune: ISTAT.magenta }, "comune")).toMatch(/contribution_comuni_istat_idx \(istat=\?\)/);
    expect(plan({ q: "mobilita" }, "q")).toMatch(/INTEGER PRIMARY KEY/);
    expect(plan({ orgKind: "university" }, "orgKind")).toMatch(/contributions_org_idx/);
  });

  it("gives the same rows whichever filter drives the query", () => {
    const combos: SelectionFilters[] = [
      { q: "mobilita", comune: ISTAT.rho, target: "STTM2.3" },
      { zone: "nord-ovest", orgKind: "association", sttm: "STTM1" },
      { comune: ISTAT.rho, from: "2025-01-01", kind: "proposta" },
      { target: "STTM1.1", zone: "milano", to: "2025-12-31" },
    ];
    for (const f of combos) {
      const rows = (driver: SetFilter | null) =>
        db
          .select({ id: contributions.id })
          .from(contributions)
          .where(selectionWhere(f, driver))
          .orderBy(desc(contributions.publishedAt), asc(contributions.id))
          .all()
          .map((r) => r.id);
      const expected = rows(null);
      for (const driver of ["q", "comune", "zone", "target", "orgKind"] as SetFilter[]) {
        if (f[driver] !== undefined) expect(rows(driver), `${JSON.stringify(f)} driven by ${driver}`).toEqual(expected);
      }
    }
  });
});

describe("pagination", () => {
  beforeAll(() => {
    for (let i = 0; i < 60; i++) {
      insertContribution({ title: `Buona pratica numero ${i}`, kind: "buona_pratica", strategyCode: "STTM3", publishedAt: new Date(Date.UTC(2023, 0, 1, 0, i)) });
    }
  });

  it("pages 25 at a time in SQL, keeping the filters", async () => {
    const first = await browseContributions(parseFilters(new URLSearchParams("kind=buona_pratica")));
    expect(first).toMatchObject({ total: 60, totalCapped: false, page: 1, pageCount: 3, hasNext: true });
    expect(first.items).toHaveLength(25);
    expect(first.items[0].title).toBe("Buona pratica numero 59");
    const third = await browseContributions(parseFilters(new URLSearchParams("kind=buona_pratica&page=3")));
    expect(third).toMatchObject({ total: 60, page: 3, pageCount: 3, hasNext: false });
    expect(third.items.map((i) => i.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Buona pratica numero ${9 - i}`));
  });

  it("says how many there are from a page past the end", async () => {
    const past = await browseContributions(parseFilters(new URLSearchParams("kind=buona_pratica&page=9")));
    expect(past.items).toEqual([]);
    expect(past.total).toBe(60);
  });

  it("gives the exact total of the unfiltered list, and never links past the last page served", async () => {
    forgetPublishedStats();
    const page = await browseContributions(parseFilters(new URLSearchParams("")));
    const published = db.get<{ n: number }>(sql`select count(*) as n from contributions where status = 'published'`)!.n;
    expect(page).toMatchObject({ total: published, totalCapped: false });
    expect(page.pageCount).toBe(Math.min(MAX_PAGE, Math.ceil(published / 25)));
  });

  it("stops counting at the cap", async () => {
    for (let i = 0; i < COUNT_CAP + 5; i++) insertContribution({ kind: "osservazione", strategyCode: "STTM3", publishedAt: new Date(Date.UTC(2022, 0, 1, 0, i)) });
    const page = await browseContributions(parseFilters(new URLSearchParams("sttm=STTM3&kind=osservazione")));
    expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true, hasNext: true });
    const second = await browseContributions(parseFilters(new URLSearchParams("sttm=STTM3&kind=osservazione&page=2")));
    // From page 2 the count starts at row 26: 230 more, under the cap.
    expect(second).toMatchObject({ total: COUNT_CAP + 5, totalCapped: false });
  });
});

describe("filterOptions", () => {
  it("offers the three STTM, their targets, and the 133 comuni by zone", () => {
    const o = filterOptions();
    expect(o.strategies.map((s) => s.code)).toEqual(["STTM1", "STTM2", "STTM3"]);
    expect(o.targets.filter((t) => t.strategyCode === "STTM3")).toHaveLength(4);
    expect(o.zones).toHaveLength(8);
    expect(o.zones.reduce((n, z) => n + z.comuni.length, 0)).toBe(133);
  });
});

describe("search order", () => {
  it("lists search results newest sent first (highest id), with or without other filters", async () => {
    const x = insertContribution({ title: "Ciclovia del Naviglio, primo tratto", publishedAt: day("2025-09-01"), comuni: [ISTAT.magenta] });
    const y = insertContribution({ title: "Ciclovia del Naviglio, secondo tratto", publishedAt: day("2025-08-01"), comuni: [ISTAT.magenta] });
    expect(await titlesFor("q=ciclovia")).toEqual([y, x]);
    expect(await titlesFor("q=ciclovia&comune=015130")).toEqual([y, x]);
    // Sorted by support, ties go by publication date.
    expect(await titlesFor("q=ciclovia&sort=supported")).toEqual([x, y]);
  });
});
