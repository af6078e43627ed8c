// The participation report of a seeded version: every published item tied to the version appears
// exactly once (IDs compared with an independent SQL selection), nothing else does, summary tables
// match SQL counts, outcomes travel with their item, no personal data.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { giveOutcome, setSectionLinks } from "~/domain/moderation/outcomes.server";
import { db, sqlite } from "~/lib/db.server";
import { contributions, draftVersions, meetings, processes, sectionComments } from "~db/schema";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { seedReference } from "../../../test/db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { insertAmendment, insertSectionComment } from "../../../test/moderation";
import { flattenSections, itemRefs, type ReportBlock, type ReportDocument } from "./document";
import { buildParticipationReport, participationReportCounts, participationReportEligibility } from "./participation-report.server";
import { publishReportVersion } from "./reports.server";

const DAY = 86_400_000;
const t0 = new Date("2026-01-10T09:00:00Z"); // v0.1 published
const t1 = new Date("2026-03-02T09:00:00Z"); // v0.2 published, v0.1 closed
const now = new Date("2026-04-02T09:00:00Z");
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

let staff: { id: string };
let citizen: { id: string; name: string };
let v0: number;
let v: number;
let sec: Record<string, number>;
const ids: Record<string, number> = {};

function created(id: number, when: Date, extra: Partial<typeof contributions.$inferInsert> = {}) {
  db.update(contributions)
    .set({ createdAt: when, ...extra })
    .where(eq(contributions.id, id))
    .run();
  return id;
}

beforeAll(() => {
  seedReference();
  staff = insertUser("Redattrice Staff", "staff");
  citizen = insertUser("Giuseppina Partecipante Riservata");
  const first = insertVersionInConsultation({
    label: "v0.1",
    sections: SECTIONS_V01,
    now: t0,
  });
  v0 = first.versionId;
  const second = insertVersionInConsultation({
    label: "v0.2",
    sections: [...SECTIONS_V01, { number: "3", title: "Quadro normativo", body: "Le regole." }],
    sectionIds: [...first.sectionIds],
    basedOnVersionId: v0,
    now: t1,
    openFrom: t1,
    openUntil: at(t1, 90),
  });
  v = second.versionId;
  sec = second.bySection;

  // In the report of v0.2:
  ids.twoSections = created(
    insertContribution({
      title: "Fontanili e rete verde",
      authorId: citizen.id,
      comuni: [ISTAT.rho],
    }),
    at(t1, 2)
  );
  setSectionLinks({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.twoSections,
    versionId: v,
    sectionIds: [sec["2.3"], sec["2"]],
  });
  giveOutcome({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.twoSections,
    outcome: "accolto",
    response: "La rete verde è estesa ai **fontanili**.",
  });
  ids.madeOn = created(
    insertContribution({
      title: "Sul quadro conoscitivo",
      authorId: citizen.id,
      organizationSlug: "legambiente-lombardia",
    }),
    at(t1, 3),
    {
      draftSectionId: sec["1"],
      draftVersionId: v,
    }
  );
  ids.noSection = created(
    insertContribution({
      title: "Logistica a Melzo",
      strategyCode: "STTM1",
      organizationSlug: "comune-di-rho",
      comuni: [ISTAT.melzo],
    }),
    at(t1, 4)
  );
  giveOutcome({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.noSection,
    outcome: "non_pertinente",
    response: "Riguarda la STTM 3.",
  });
  ids.earlierButLinked = created(insertContribution({ title: "Corridoio ecologico del Seveso" }), at(t0, 3));
  setSectionLinks({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.earlierButLinked,
    versionId: v,
    sectionIds: [sec["2.3"]],
  });

  // Not in the report of v0.2:
  ids.otherSttm = created(
    insertContribution({
      title: "Servizi sovracomunali",
      strategyCode: "STTM2",
    }),
    at(t1, 5)
  );
  ids.pending = created(insertContribution({ status: "pending" }), at(t1, 5));
  ids.rejected = created(insertContribution({ status: "rejected" }), at(t1, 5));
  ids.hidden = created(insertContribution({ status: "hidden" }), at(t1, 5));
  ids.withdrawn = created(insertContribution({ status: "withdrawn" }), at(t1, 6));
  ids.hiddenLinked = created(insertContribution({ status: "published" }), at(t0, 5));
  setSectionLinks({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.hiddenLinked,
    versionId: v,
    sectionIds: [sec["2"]],
  });
  db.update(contributions).set({ status: "hidden" }).where(eq(contributions.id, ids.hiddenLinked)).run();
  ids.earlierOnly = created(insertContribution({ title: "Solo sulla prima versione" }), at(t0, 2));
  setSectionLinks({
    actorId: staff.id,
    itemKind: "contribution",
    itemId: ids.earlierOnly,
    versionId: v0,
    sectionIds: [sec["2.3"]],
  });
  ids.madeOnOtherVersion = created(insertContribution({ title: "Letto sulla prima versione" }), at(t1, 7), { draftSectionId: sec["2.3"], draftVersionId: v0 });
  ids.afterNow = created(insertContribution({ title: "Dopo la lettura dei dati" }), at(now, 1));

  // Amendments.
  ids.amendment = insertAmendment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    text: "La rete verde comprende i fontanili.",
    status: "published",
    createdAt: at(t1, 2),
  });
  giveOutcome({
    actorId: staff.id,
    itemKind: "amendment",
    itemId: ids.amendment,
    outcome: "parzialmente_accolto",
    response: "Accolto in parte: i fontanili attivi.",
  });
  ids.amendmentPending = insertAmendment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "pending",
    createdAt: at(t1, 2),
  });
  ids.amendmentEarlier = insertAmendment({
    versionId: v0,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "published",
    createdAt: at(t0, 2),
  });
  ids.amendmentEarlierLinked = insertAmendment({
    versionId: v0,
    sectionId: sec["1"],
    authorId: citizen.id,
    status: "published",
    createdAt: at(t0, 3),
  });
  setSectionLinks({
    actorId: staff.id,
    itemKind: "amendment",
    itemId: ids.amendmentEarlierLinked,
    versionId: v,
    sectionIds: [sec["1"]],
  });

  // Section comments: two published on 2.3, one pending, one deleted.
  insertSectionComment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "published",
  });
  insertSectionComment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "published",
  });
  insertSectionComment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "pending",
  });
  const deleted = insertSectionComment({
    versionId: v,
    sectionId: sec["2.3"],
    authorId: citizen.id,
    status: "published",
  });
  db.update(sectionComments)
    .set({ deletedAt: at(t1, 3) })
    .where(eq(sectionComments.id, deleted))
    .run();
});

const refsOf = (doc: ReportDocument, kind: "contribution" | "amendment") =>
  itemRefs(doc)
    .filter((r) => r.kind === kind)
    .map((r) => r.id)
    .sort((a, b) => a - b);

function items(doc: ReportDocument) {
  return flattenSections(doc.sections).flatMap(({ section }) =>
    section.blocks.flatMap((b) =>
      b.type === "item"
        ? [
            {
              section: section.title,
              block: b as Extract<ReportBlock, { type: "item" }>,
            },
          ]
        : []
    )
  );
}

function section(doc: ReportDocument, title: string) {
  const found = flattenSections(doc.sections).find(({ section: s }) => s.title === title);
  if (!found) throw new Error(`no section ${title}`);
  return found.section;
}

function table(doc: ReportDocument, caption: string) {
  const found = section(doc, "Tabelle di sintesi").blocks.find((b) => b.type === "table" && b.caption.startsWith(caption));
  if (!found || found.type !== "table") throw new Error(`no table ${caption}`);
  return found;
}

const cell = (t: { rows: (string | number)[][] }, label: string, col: number) => t.rows.find((r) => r[0] === label)?.[col];

async function build(versionId = v) {
  const doc = await buildParticipationReport(versionId, { introduction: "Premessa della **redazione**.", conclusions: "" }, now);
  if (!doc) throw new Error("no document");
  return doc;
}

describe("which items belong to the report of a version", () => {
  it("contains every published contribution tied to the version exactly once (IDs compared with SQL)", async () => {
    const doc = await build();
    const fromDoc = itemRefs(doc).filter((r) => r.kind === "contribution");
    expect(new Set(fromDoc.map((r) => r.id)).size).toBe(fromDoc.length); // once each
    const version = db.select().from(draftVersions).where(eq(draftVersions.id, v)).get()!;
    // An independent selection, written from the rule and not from the builder's queries.
    const expected = (
      sqlite
        .prepare(
          `select id from contributions where status = 'published' and (
             exists (select 1 from section_links l where l.item_kind = 'contribution' and l.item_id = contributions.id and l.version_id = :v)
             or draft_version_id = :v
             or (strategy_code = :s and draft_version_id is null and created_at between :from and :to))
           order by id`
        )
        .all({
          v,
          s: version.strategyCode,
          from: Math.floor(version.publishedAt!.getTime() / 1000),
          to: Math.floor(now.getTime() / 1000),
        }) as { id: number }[]
    ).map((r) => r.id);
    expect(refsOf(doc, "contribution")).toEqual(expected);
    expect(expected).toEqual([ids.twoSections, ids.madeOn, ids.noSection, ids.earlierButLinked].sort((a, b) => a - b));
    for (const excluded of ["otherSttm", "pending", "rejected", "hidden", "withdrawn", "hiddenLinked", "earlierOnly", "madeOnOtherVersion", "afterNow"]) {
      expect(refsOf(doc, "contribution"), excluded).not.toContain(ids[excluded]);
    }
  });

  it("contains every published amendment made on the version or linked to it, once", async () => {
    const doc = await build();
    const expected = (
      sqlite
        .prepare(
          `select id from amendments where status = 'published' and (version_id = :v
             or id in (select item_id from section_links where item_kind = 'amendment' and version_id = :v)) order by id`
        )
        .all({ v }) as { id: number }[]
    ).map((r) => r.id);
    expect(refsOf(doc, "amendment")).toEqual(expected);
    expect(expected).toEqual([ids.amendment, ids.amendmentEarlierLinked].sort((a, b) => a - b));
    const all = itemRefs(doc).filter((r) => r.kind === "amendment");
    expect(all).toHaveLength(expected.length);
  });

  it("places an item linked to two sections under the first, and a cross-reference under the other", async () => {
    const doc = await build();
    const placed = items(doc).filter((i) => i.block.ref.kind === "contribution" && i.block.ref.id === ids.twoSections);
    expect(placed.map((p) => p.section)).toEqual(["2 Quadro strategico"]);
    const later = section(doc, "2.3 Rete verde metropolitana");
    const crossRef = later.blocks.find((b) => b.type === "text" && b.markdown.includes(`Contributo n. ${ids.twoSections}`));
    expect(crossRef).toBeDefined();
    expect(items(doc).find((i) => i.block.ref.id === ids.madeOn && i.block.ref.kind === "contribution")?.section).toBe("1 Quadro conoscitivo");
    expect(items(doc).find((i) => i.block.ref.id === ids.noSection && i.block.ref.kind === "contribution")?.section).toBe("Contributi senza sezione");
    expect(items(doc).find((i) => i.block.ref.id === ids.amendmentEarlierLinked && i.block.ref.kind === "amendment")?.section).toBe("1 Quadro conoscitivo");
    // Sections nest by depth: 2.3 inside 2.
    expect(section(doc, "2 Quadro strategico").sections?.map((s) => s.title)).toEqual(["2.3 Rete verde metropolitana"]);
    // Published section comments are counted on their section (the deleted and pending ones are not).
    expect(later.blocks.some((b) => b.type === "text" && b.markdown.startsWith("2 commenti pubblicati"))).toBe(true);
  });

  it("a closed version's report keeps to its own window", async () => {
    const doc = await build(v0);
    expect(refsOf(doc, "contribution")).toEqual([ids.earlierButLinked, ids.earlierOnly, ids.madeOnOtherVersion].sort((a, b) => a - b));
    expect(refsOf(doc, "amendment")).toEqual([ids.amendmentEarlier, ids.amendmentEarlierLinked].sort((a, b) => a - b));
  });
});

describe("the content of the report", () => {
  it("shows each outcome and reasoned response with its item, or says there is none", async () => {
    const doc = await build();
    const byId = (kind: string, id: number) => items(doc).find((i) => i.block.ref.kind === kind && i.block.ref.id === id)!.block;
    expect(byId("contribution", ids.twoSections).outcome).toEqual({
      label: "Accolto",
      markdown: "La rete verde è estesa ai **fontanili**.",
    });
    expect(byId("contribution", ids.noSection).outcome?.label).toBe("Non pertinente");
    expect(byId("contribution", ids.madeOn).outcome).toEqual({
      label: "Esito non ancora espresso",
      markdown: "",
    });
    const amendment = byId("amendment", ids.amendment);
    expect(amendment.outcome).toEqual({
      label: "Parzialmente accolto",
      markdown: "Accolto in parte: i fontanili attivi.",
    });
    expect(amendment.markdown).toContain("> La rete verde comprende i fontanili.");
    expect(byId("contribution", ids.madeOn).facts).toContainEqual({
      label: "Presentato da",
      value: "Legambiente Lombardia",
    });
    expect(byId("contribution", ids.twoSections).facts).toContainEqual({
      label: "Presentato da",
      value: "cittadino/a",
    });
    expect(byId("contribution", ids.twoSections).facts).toContainEqual({
      label: "Comuni",
      value: "Rho",
    });
  });

  it("has the parts in order, the staff's texts, and one data row per item with its sections", async () => {
    const doc = await build();
    expect(doc.kind).toBe("participation");
    expect(doc.sections.map((s) => s.title)).toEqual([
      "Introduzione",
      "Il documento e la consultazione",
      "Contributi ed emendamenti per sezione",
      "Contributi senza sezione",
      "Mappa dei contributi",
      "Tabelle di sintesi",
      "Cronologia della consultazione",
    ]);
    expect(doc.sections[0].blocks[0]).toMatchObject({
      type: "text",
      markdown: "Premessa della **redazione**.",
    });
    expect(doc.data.map((r) => `${r.ref.kind}:${r.ref.id}`).sort()).toEqual(
      itemRefs(doc)
        .map((r) => `${r.kind}:${r.id}`)
        .sort()
    );
    const row = doc.data.find((r) => r.ref.kind === "contribution" && r.ref.id === ids.twoSections)!;
    expect(row).toMatchObject({
      organization: "cittadino/a",
      outcome: "Accolto",
      sections: ["2 Quadro strategico", "2.3 Rete verde metropolitana"],
      url: `/contributi/${ids.twoSections}`,
    });
    const map = section(doc, "Mappa dei contributi").blocks[0];
    expect(map.type === "map" && map.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(refsOf(doc, "contribution"));
    const facts = section(doc, "Il documento e la consultazione").blocks[0];
    expect(facts.type === "facts" && facts.items.map((f) => f.label)).toContain("Art. 7bis c.4");
    const withConclusions = await buildParticipationReport(v, { introduction: "  ", conclusions: "Fine." }, now);
    expect(withConclusions!.sections.map((s) => s.title)).toEqual([...doc.sections.slice(1).map((s) => s.title), "Conclusioni"]);
  });

  it("summary tables count what SQL counts", async () => {
    const doc = await build();
    const received = table(doc, "Contributi, emendamenti e commenti");
    const universe = sqlite
      .prepare(
        `select status, count(*) as n from contributions where id in (select item_id from section_links where item_kind = 'contribution' and version_id = :v)
           or draft_version_id = :v or (strategy_code = 'STTM1' and draft_version_id is null and created_at between :from and :to) group by status`
      )
      .all({
        v,
        from: Math.floor(t1.getTime() / 1000),
        to: Math.floor(now.getTime() / 1000),
      }) as { status: string; n: number }[];
    const n = (status: string) => universe.find((u) => u.status === status)?.n ?? 0;
    expect(cell(received, "Pubblicati", 1)).toBe(n("published"));
    expect(cell(received, "In attesa di moderazione", 1)).toBe(n("pending"));
    expect(cell(received, "Respinti", 1)).toBe(n("rejected"));
    expect(cell(received, "Nascosti dalla moderazione", 1)).toBe(n("hidden"));
    expect(cell(received, "Ritirati dall'autore", 1)).toBe(n("withdrawn"));
    expect(received.totals?.[1]).toBe(universe.reduce((s, u) => s + u.n, 0));
    expect(cell(received, "Pubblicati", 2)).toBe(2);
    expect(cell(received, "In attesa di moderazione", 2)).toBe(1);
    expect(cell(received, "Pubblicati", 3)).toBe(2); // section comments: the deleted one is not counted
    expect(cell(received, "In attesa di moderazione", 3)).toBe(1);

    const outcomes = table(doc, "Esiti");
    expect(cell(outcomes, "Accolto", 1)).toBe(1);
    expect(cell(outcomes, "Non pertinente", 1)).toBe(1);
    expect(cell(outcomes, "Senza esito", 1)).toBe(2);
    expect(cell(outcomes, "Parzialmente accolto", 2)).toBe(1);
    expect(cell(outcomes, "Senza esito", 2)).toBe(1);
    expect(outcomes.totals).toEqual(["Pubblicati", 4, 2, 6]);

    const zones = table(doc, "Contributi pubblicati per zona");
    const zoneCounts = sqlite
      .prepare(
        `select z.name, count(*) as n from contribution_zones cz join zones z on z.id = cz.zone_id where cz.contribution_id in (select value from json_each(?)) group by z.name`
      )
      .all(JSON.stringify(refsOf(doc, "contribution"))) as {
      name: string;
      n: number;
    }[];
    for (const z of zoneCounts) expect(cell(zones, z.name, 1), z.name).toBe(z.n);
    expect(zones.rows.reduce((s, r) => s + Number(r[1]), 0)).toBeGreaterThanOrEqual(4);

    const orgs = table(doc, "Contributi ed emendamenti pubblicati per tipo");
    expect(cell(orgs, "Cittadini (a titolo personale)", 1)).toBe(2);
    expect(cell(orgs, "Cittadini (a titolo personale)", 2)).toBe(2);
    expect(cell(orgs, "Associazione", 1)).toBe(1);
    expect(cell(orgs, "Comune", 1)).toBe(1);
    expect(orgs.totals).toEqual(["Totale", 4, 2, 6]);

    expect(participationReportCounts(v, now)).toEqual({
      items: 6,
      withoutOutcome: 3,
      pending: 2,
    });
  });

  it("puts no e-mail and no name of a person in the document", async () => {
    const doc = await build();
    const json = JSON.stringify(doc);
    const people = sqlite.prepare("select email, name from users").all() as {
      email: string;
      name: string | null;
    }[];
    expect(people.length).toBeGreaterThan(1);
    for (const p of people) {
      expect(json).not.toContain(p.email);
      if (p.name) expect(json).not.toContain(p.name);
    }
    expect(json).toContain("cittadino/a");
  });

  it("lists the meetings of the process in the timeline, with a link when their report is published", async () => {
    const process = db.select({ id: processes.id }).from(processes).where(eq(processes.slug, "redazione-prime-3-sttm")).get()!;
    const meeting = db
      .insert(meetings)
      .values({
        processId: process.id,
        kind: "tavolo_territoriale",
        title: "Tavolo della zona Nord Ovest",
        startsAt: at(t1, 10),
        endsAt: at(t1, 10.1),
        status: "held",
      })
      .returning({ id: meetings.id })
      .get().id;
    let doc = await build();
    const timeline = section(doc, "Cronologia della consultazione").blocks[0];
    expect(timeline.type === "table" && timeline.rows.some((r) => r[1] === "Tavolo territoriale" && r[2] === "Tavolo della zona Nord Ovest")).toBe(true);
    expect(timeline.type === "table" && timeline.rows.some((r) => r[1] === "Messa a disposizione della versione")).toBe(true);
    publishReportVersion({
      actorId: staff.id,
      subject: { kind: "meeting", meetingId: meeting },
      document: {
        kind: "meeting",
        title: "Rapporto",
        subtitle: "",
        generatedAt: now.toISOString(),
        sections: [],
        data: [],
      },
    });
    doc = await build();
    expect(JSON.stringify(section(doc, "Cronologia della consultazione").blocks)).toContain(`(/incontri/${meeting}/rapporto)`);
  });

  it("says whether art. 7bis (90 days before adoption) was met", async () => {
    const fact = async (adoptedAfterDays: number) => {
      const { versionId } = insertVersionInConsultation({
        strategyCode: "STTM3",
        label: `adottata ${adoptedAfterDays}`,
        sections: SECTIONS_V01,
        now: t0,
        status: "chiusa",
      });
      db.update(draftVersions)
        .set({
          status: "adottata",
          closedAt: at(t0, adoptedAfterDays - 1),
          adoptedAt: at(t0, adoptedAfterDays),
        })
        .where(eq(draftVersions.id, versionId))
        .run();
      const doc = (await buildParticipationReport(versionId, { introduction: "", conclusions: "" }, now))!;
      const facts = section(doc, "Il documento e la consultazione").blocks[0];
      if (facts.type !== "facts") throw new Error("facts");
      return facts.items.find((f) => f.label.startsWith("Art. 7bis"))!.value;
    };
    expect(await fact(100)).toMatch(/^rispettato: 100 giorni/);
    expect(await fact(60)).toMatch(/^non rispettato: 60 giorni/);
  });
});

describe("eligibility", () => {
  it("refuses a bozza with a reason in Italian and an unknown version; accepts versions in or after consultation", () => {
    const { versionId: bozza } = insertVersionInConsultation({
      strategyCode: "STTM2",
      label: "bozza",
      sections: SECTIONS_V01,
      status: "bozza",
    });
    const refused = participationReportEligibility(bozza);
    expect(refused.eligible).toBe(false);
    expect(!refused.eligible && refused.reason).toMatch(/bozza/);
    expect(participationReportEligibility(999_999).eligible).toBe(false);
    expect(participationReportEligibility(v).eligible).toBe(true);
    expect(participationReportEligibility(v0).eligible).toBe(true);
  });

  it("builds nothing for a version that does not exist", async () => {
    expect(
      await buildParticipationReport(999_999, {
        introduction: "",
        conclusions: "",
      })
    ).toBeUndefined();
  });
});
