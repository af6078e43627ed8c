import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { findOrganizationBySlug } from "~/domain/accounts/organizations.server";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { seedDemoDrafts, DEMO_STTM1_LABEL, DEMO_STTM2_LABEL } from "~/seed/demo/drafts.server";
import { versionSections } from "~/domain/drafts/versions.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import {
  auditEntries,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  draftVersions,
  memberships,
  processes,
  processStrategies,
  users,
} from "~db/schema";
import { seedReference } from "../../../test/db";
import {
  ContributionError,
  createContribution,
  draftOfContribution,
  getOwnContribution,
  myContributions,
  similarContributions,
  updateOwnContribution,
  withdrawContribution,
  type ContributionInput,
} from "./contributions.server";

let author: string;
let other: string;

function newUser(name: string) {
  const id = randomUUID();
  db.insert(users).values({ id, email: `${name}.${id.slice(0, 6)}@example.org`, name, role: "participant" }).run();
  return id;
}

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
  await seedDemoDrafts();
  author = newUser("Autrice");
  other = newUser("Altro");
});

const point = (lon: number, lat: number) => JSON.stringify({ type: "Point", coordinates: [lon, lat] });
const polygon = (ring: number[][]) => JSON.stringify({ type: "Polygon", coordinates: [ring] });
const RHO = point(9.04, 45.53);
const RHO_PERO = polygon([[9.07, 45.51], [9.1, 45.51], [9.1, 45.525], [9.07, 45.525], [9.07, 45.51]]);
const PAVIA = point(9.158, 45.185);
const BOW_TIE = polygon([[9.03, 45.52], [9.06, 45.55], [9.06, 45.52], [9.03, 45.55], [9.03, 45.52]]);

function input(over: Partial<ContributionInput> = {}): ContributionInput {
  return {
    kind: "proposta",
    strategyCode: "STTM1",
    targetCodes: ["STTM1.1"],
    objectiveCodes: [],
    title: "Un parco lineare lungo l'Olona",
    body: "Collegare le aree verdi lungo il fiume con un percorso continuo.",
    place: { geometry: RHO },
    meetingId: null,
    draftVersionId: null,
    draftSectionId: null,
    organizationId: null,
    ...over,
  };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof ContributionError) return { field: e.field, key: e.key, status: e.status };
    throw e;
  }
}

const links = (id: number) => ({
  comuni: db.select({ istat: contributionComuni.istat }).from(contributionComuni).where(eq(contributionComuni.contributionId, id)).all().map((r) => r.istat).sort(),
  zones: db.select({ zoneId: contributionZones.zoneId }).from(contributionZones).where(eq(contributionZones.contributionId, id)).all().map((r) => r.zoneId).sort(),
  targets: db.select({ code: contributionTargets.targetCode }).from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all().map((r) => r.code).sort(),
  objectives: db.select({ code: contributionObjectives.objectiveCode }).from(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).all().map((r) => r.code).sort(),
});

const row = (id: number) => db.select().from(contributions).where(eq(contributions.id, id)).get()!;
const count = () => db.select().from(contributions).all().length;

describe("createContribution: the place", () => {
  it("stores a point in Rho with comune Rho (015182) and zone Nord Ovest", async () => {
    const { id, status } = await createContribution(author, input({ objectiveCodes: ["Ob6", "Ob7"] }));
    expect(status).toBe("pending");
    expect(links(id)).toEqual({ comuni: ["015182"], zones: ["nord-ovest"], targets: ["STTM1.1"], objectives: ["Ob6", "Ob7"] });
    const r = row(id);
    expect(r).toMatchObject({ placeKind: "point", lon: 9.04, lat: 45.53, minLon: 9.04, maxLat: 45.53, authorId: author, strategyCode: "STTM1", publishedAt: null });
    expect(JSON.parse(r.geometry!)).toEqual({ type: "Point", coordinates: [9.04, 45.53] });
    const seeded = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!;
    expect(r.processId).toBe(seeded.id);
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.action, "contribution.created"), eq(auditEntries.subjectId, String(id)))).get();
    expect(audit?.actorId).toBe(author);
  });

  it("a polygon across the Rho–Pero border touches both comuni", async () => {
    const { id } = await createContribution(author, input({ place: { geometry: RHO_PERO } }));
    expect(links(id).comuni).toEqual(expect.arrayContaining(["015182", "015170"]));
    expect(links(id).zones).toContain("nord-ovest");
    expect(row(id).placeKind).toBe("polygon");
  });

  it("refuses a point in Pavia, a bow-tie polygon, and writes nothing", async () => {
    const before = count();
    expect(await refusal(createContribution(author, input({ place: { geometry: PAVIA } })))).toEqual({ field: "geometry", key: "errors.geometry.outside", status: 400 });
    expect(await refusal(createContribution(author, input({ place: { geometry: BOW_TIE } })))).toEqual({
      field: "geometry",
      key: "errors.geometry.selfIntersecting",
      status: 400,
    });
    expect(count()).toBe(before);
  });

  it("refuses a 2 MB GeoJSON at once", async () => {
    const big = JSON.stringify({ type: "LineString", coordinates: Array.from({ length: 80_000 }, () => [9.04123456, 45.53123456]) });
    expect(big.length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    expect((await refusal(createContribution(author, input({ place: { geometry: big } }))))?.key).toBe("errors.geometry.tooLarge");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("whole comuni: the comuni chosen and their zones", async () => {
    const { id } = await createContribution(author, input({ place: { comuni: ["015182", "015146"] } }));
    expect(links(id)).toMatchObject({ comuni: ["015146", "015182"], zones: ["milano", "nord-ovest"] });
    const r = row(id);
    expect(r.placeKind).toBe("comuni");
    expect(r.geometry).toBeNull();
    expect(r.lon).not.toBeNull();
    expect(await refusal(createContribution(author, input({ place: { comuni: ["018110"] } })))).toMatchObject({ field: "comuni" }); // Pavia
    expect(await refusal(createContribution(author, input({ place: { comuni: [] } })))).toMatchObject({ field: "comuni", key: "contributions.error.placeMissing" });
  });
});

describe("createContribution: themes, origin, on behalf, moderation", () => {
  it("targets must belong to the chosen STTM; at least one", async () => {
    expect(await refusal(createContribution(author, input({ targetCodes: ["STTM2.1"] })))).toMatchObject({ field: "targetCodes", key: "contributions.error.targetsOfStrategy" });
    expect(await refusal(createContribution(author, input({ targetCodes: ["STTM1.1", "STTM3.4"] })))).toMatchObject({ field: "targetCodes" });
    expect(await refusal(createContribution(author, input({ targetCodes: [] })))).toMatchObject({ key: "contributions.error.targets" });
    expect(await refusal(createContribution(author, input({ strategyCode: "STTM9" })))).toMatchObject({ field: "strategyCode" });
    expect(await refusal(createContribution(author, input({ objectiveCodes: ["Ob99"] })))).toMatchObject({ field: "objectiveCodes" });
  });

  it("title and text lengths", async () => {
    expect(await refusal(createContribution(author, input({ title: "  ab " })))).toMatchObject({ field: "title", key: "contributions.error.titleShort" });
    expect(await refusal(createContribution(author, input({ title: "x".repeat(161) })))).toMatchObject({ key: "contributions.error.titleLong" });
    expect(await refusal(createContribution(author, input({ body: "corto" })))).toMatchObject({ field: "body" });
    expect(await refusal(createContribution(author, input({ body: "x".repeat(10_001) })))).toMatchObject({ key: "contributions.error.bodyLong" });
  });

  it("on behalf of an organization only for its approved members", async () => {
    const rho = findOrganizationBySlug(db, "comune-di-rho")!;
    expect(await refusal(createContribution(author, input({ organizationId: rho.id })))).toEqual({ field: "organizationId", key: "contributions.error.notMember", status: 403 });
    db.insert(memberships).values({ userId: author, organizationId: rho.id, status: "pending" }).run();
    expect(await refusal(createContribution(author, input({ organizationId: rho.id })))).toMatchObject({ status: 403 });
    db.update(memberships).set({ status: "approved" }).where(and(eq(memberships.userId, author), eq(memberships.organizationId, rho.id))).run();
    const { id } = await createContribution(author, input({ organizationId: rho.id }));
    expect(row(id).organizationId).toBe(rho.id);
  });

  it("a section of a public draft version of the same STTM", async () => {
    const v1 = db.select().from(draftVersions).where(eq(draftVersions.label, DEMO_STTM1_LABEL)).get()!;
    const section = versionSections(v1.id)[0];
    const { id } = await createContribution(author, input({ draftVersionId: v1.id, draftSectionId: section.sectionId }));
    expect(row(id)).toMatchObject({ draftVersionId: v1.id, draftSectionId: section.sectionId });
    // Another STTM's section, a staff-only bozza, a section not in the version: refused.
    expect(await refusal(createContribution(author, input({ strategyCode: "STTM2", targetCodes: ["STTM2.1"], draftVersionId: v1.id, draftSectionId: section.sectionId })))).toMatchObject({
      key: "contributions.error.sectionStrategy",
    });
    const bozza = db.select().from(draftVersions).where(eq(draftVersions.label, DEMO_STTM2_LABEL)).get()!;
    const bozzaSection = versionSections(bozza.id)[0];
    expect(await refusal(createContribution(author, input({ strategyCode: "STTM2", targetCodes: ["STTM2.1"], draftVersionId: bozza.id, draftSectionId: bozzaSection.sectionId })))).toMatchObject({
      key: "contributions.error.section",
    });
    expect(await refusal(createContribution(author, input({ draftVersionId: v1.id, draftSectionId: 999_999 })))).toMatchObject({ key: "contributions.error.section" });
  });

  it("status follows the moderation mode of the active process concerning the STTM: post → published", async () => {
    const [p] = db
      .insert(processes)
      .values({ slug: `post-${randomUUID().slice(0, 6)}`, title: "Revisione STTM 3", status: "active", moderationMode: "post" })
      .returning()
      .all();
    db.insert(processStrategies).values({ processId: p.id, strategyCode: "STTM3" }).run();
    const now = new Date("2027-01-10T10:00:00Z");
    const r = await createContribution(author, input({ strategyCode: "STTM3", targetCodes: ["STTM3.4"] }), { now });
    expect(r.status).toBe("published");
    expect(row(r.id)).toMatchObject({ processId: p.id, status: "published", publishedAt: now });
    // STTM1 still goes to the seeded process, pre-moderated.
    const pre = await createContribution(author, input());
    expect(row(pre.id).status).toBe("pending");
  });
});

describe("editing and withdrawing", () => {
  it("only the author, only while pending, with the same checks; links rewritten", async () => {
    const { id } = await createContribution(author, input());
    expect(await refusal(updateOwnContribution(other, id, input({ title: "Titolo di un altro" })))).toMatchObject({ status: 404 });
    expect(await refusal(updateOwnContribution(author, id, input({ place: { geometry: PAVIA } })))).toMatchObject({ key: "errors.geometry.outside" });
    await updateOwnContribution(author, id, input({ title: "Un parco lineare lungo il Canale Villoresi", place: { geometry: RHO_PERO }, targetCodes: ["STTM1.1", "STTM1.3"] }));
    expect(row(id)).toMatchObject({ title: "Un parco lineare lungo il Canale Villoresi", placeKind: "polygon", status: "pending" });
    expect(links(id).comuni).toEqual(expect.arrayContaining(["015170", "015182"]));
    expect(links(id).targets).toEqual(["STTM1.1", "STTM1.3"]);

    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, id)).run();
    expect(await refusal(updateOwnContribution(author, id, input()))).toMatchObject({ status: 409, key: "contributions.error.notEditable" });
  });

  it("a contribution sent back (pending with a moderator message) is editable and keeps the message", async () => {
    const { id } = await createContribution(author, input());
    db.update(contributions).set({ moderatorMessage: "Indica meglio il luogo, per favore.", changesRequestedAt: new Date() }).where(eq(contributions.id, id)).run();
    expect((await myContributions(author, 1, 100)).rows.find((r) => r.id === id)).toMatchObject({ changesRequested: true, editable: true });
    await updateOwnContribution(author, id, input({ place: { comuni: ["015182"] } }));
    // Back in the moderation queue; the message stays as the last one.
    expect(row(id)).toMatchObject({ status: "pending", placeKind: "comuni", moderatorMessage: "Indica meglio il luogo, per favore.", changesRequestedAt: null });
  });

  it("withdraw: author only, any time; the title stays, the text goes", async () => {
    const { id } = await createContribution(author, input());
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, id)).run();
    expect(await refusal(withdrawContribution(other, id))).toMatchObject({ status: 404 });
    await withdrawContribution(author, id);
    const r = row(id);
    expect(r).toMatchObject({ status: "withdrawn", body: "", title: "Un parco lineare lungo l'Olona" });
    expect(r.withdrawnAt).toBeInstanceOf(Date);
    expect(links(id).comuni).toEqual(["015182"]); // the record keeps its place
    expect(await refusal(withdrawContribution(author, id))).toMatchObject({ status: 409 });
  });
});

describe("reading", () => {
  it("my contributions: only mine, newest first, paginated in SQL, with status and message", async () => {
    const me = newUser("Pagine");
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createContribution(me, input({ title: `Contributo numero ${i}` }), { now: new Date(Date.UTC(2027, 0, 1 + i)) })).id);
    db.update(contributions).set({ status: "rejected", moderatorMessage: "Fuori tema." }).where(eq(contributions.id, ids[0])).run();
    const p1 = await myContributions(me, 1, 2);
    expect(p1).toMatchObject({ total: 5, page: 1, pages: 3 });
    expect(p1.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(p1.rows[0]).toMatchObject({ status: "pending", editable: true, comuniNames: "Rho", comuniCount: 1 });
    const p3 = await myContributions(me, 3, 2);
    expect(p3.rows).toHaveLength(1);
    expect(p3.rows[0]).toMatchObject({ id: ids[0], status: "rejected", moderatorMessage: "Fuori tema.", editable: false });
    expect((await myContributions(me, 99, 2)).page).toBe(3);
    expect((await myContributions(other)).total).toBe(0);
  });

  it("getOwnContribution gives the author's form values, null to others", async () => {
    const { id } = await createContribution(author, input({ objectiveCodes: ["Ob1"], place: { comuni: ["015182"] } }));
    expect(await getOwnContribution(other, id)).toBeNull();
    const own = (await getOwnContribution(author, id))!;
    expect(draftOfContribution(own)).toEqual({
      kind: "proposta",
      strategyCode: "STTM1",
      targetCodes: ["STTM1.1"],
      objectiveCodes: ["Ob1"],
      geometry: "",
      comuni: ["015182"],
      title: "Un parco lineare lungo l'Olona",
      body: "Collegare le aree verdi lungo il fiume con un percorso continuo.",
      origin: "",
      organizationId: "",
    });
  });

  it("similar contributions: the five best published ones only", async () => {
    const me = newUser("Simili");
    const published: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { id } = await createContribution(me, input({ title: `Pista ciclabile tra Rho e Pero, tratto ${i}`, body: "Una pista ciclabile protetta lungo la strada statale." }));
      published.push(id);
    }
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, published[0])).run();
    for (const id of published.slice(1, 6)) db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, id)).run();
    // published[6] stays pending: never shown.
    const { id: unrelated } = await createContribution(me, input({ title: "Asili nido nei comuni piccoli", body: "Servono più posti negli asili nido dei comuni piccoli." }));
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, unrelated)).run();

    const similar = await similarContributions("piste ciclabili a Pero");
    expect(similar).toHaveLength(5);
    expect(similar.every((s) => published.slice(0, 6).includes(s.id))).toBe(true);
    expect(similar[0]).toMatchObject({ kind: "proposta", supportCount: 0 });
    expect(similar.map((s) => s.id)).not.toContain(published[6]);
    expect(await similarContributions("asilo nido")).toEqual([expect.objectContaining({ id: unrelated })]);
    expect(await similarContributions("ab")).toEqual([]);
    expect(await similarContributions('"NEAR( * OR')).toEqual([]);
    expect((await similarContributions("asili nido", { excludeId: unrelated })).map((s) => s.id)).not.toContain(unrelated);
  });
});
