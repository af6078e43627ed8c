import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { findOrganizationBySlug } from "~/domain/accounts/organizations.server";
import { contributions, contributionSupports, memberships, users } from "~db/schema";
import { seedReference } from "../../../test/db";
import { ContributionError, createContribution } from "./contributions.server";
import { cosignContribution, supportContribution, supportState, uncosignContribution, unsupportContribution } from "./supports.server";

let author: string;
let anna: string;
let bruno: string;
let published: number;
let pending: number;
let rhoId: number;
let legambienteId: number;

function newUser(name: string) {
  const id = randomUUID();
  db.insert(users).values({ id, email: `${name}.${id.slice(0, 6)}@example.org`, name, role: "participant" }).run();
  return id;
}

const base = {
  kind: "proposta" as const,
  strategyCode: "STTM1",
  targetCodes: ["STTM1.1"],
  objectiveCodes: [],
  body: "Collegare le aree verdi lungo il fiume con un percorso continuo.",
  place: { comuni: ["015182"] },
  meetingId: null,
  draftVersionId: null,
  draftSectionId: null,
  organizationId: null,
};

beforeAll(async () => {
  seedReference();
  author = newUser("Autrice");
  anna = newUser("Anna");
  bruno = newUser("Bruno");
  published = (await createContribution(author, { ...base, title: "Un contributo pubblicato" })).id;
  db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, published)).run();
  pending = (await createContribution(author, { ...base, title: "Un contributo in attesa" })).id;
  rhoId = findOrganizationBySlug(db, "comune-di-rho")!.id;
  legambienteId = findOrganizationBySlug(db, "legambiente-lombardia")!.id;
  db.insert(memberships).values({ userId: anna, organizationId: rhoId, status: "approved" }).run();
  db.insert(memberships).values({ userId: bruno, organizationId: rhoId, status: "approved" }).run();
  db.insert(memberships).values({ userId: bruno, organizationId: legambienteId, status: "pending" }).run();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof ContributionError) return { key: e.key, status: e.status };
    throw e;
  }
}

const countOf = (id: number) => db.select({ n: contributions.supportCount }).from(contributions).where(eq(contributions.id, id)).get()!.n;

describe("supports", () => {
  it("a person supports once, and may take it back; the count follows", async () => {
    await supportContribution(anna, published);
    expect(countOf(published)).toBe(1);
    expect(await refusal(supportContribution(anna, published))).toEqual({ key: "contributions.support.already", status: 409 });
    expect(countOf(published)).toBe(1);
    await supportContribution(bruno, published);
    expect(countOf(published)).toBe(2);
    await unsupportContribution(anna, published);
    expect(countOf(published)).toBe(1);
    expect(await refusal(unsupportContribution(anna, published))).toMatchObject({ key: "contributions.support.notSupported" });
    expect(countOf(published)).toBe(1);
  });

  it("only published contributions, never one's own", async () => {
    expect(await refusal(supportContribution(anna, pending))).toMatchObject({ key: "contributions.support.notPublished" });
    expect(await refusal(supportContribution(author, published))).toMatchObject({ key: "contributions.support.own" });
    expect(await refusal(supportContribution(anna, 999_999))).toMatchObject({ status: 404 });
  });

  it("the partial unique index refuses a second personal support even past the domain", () => {
    expect(() => sqlite.prepare("insert into contribution_supports (contribution_id, user_id) values (?, ?)").run(published, bruno)).toThrow(/UNIQUE/);
  });

  it("an organization co-signs once, through an approved member; any approved member may take it back", async () => {
    expect(await refusal(cosignContribution(bruno, published, legambienteId))).toEqual({ key: "contributions.error.notMember", status: 403 }); // pending membership
    expect(await refusal(cosignContribution(author, published, rhoId))).toMatchObject({ status: 403 });
    await cosignContribution(anna, published, rhoId);
    expect(countOf(published)).toBe(2);
    expect(await refusal(cosignContribution(bruno, published, rhoId))).toMatchObject({ key: "contributions.support.alreadyCosigned" });
    // A person's support and their organization's co-signature are two supports.
    await supportContribution(anna, published);
    expect(countOf(published)).toBe(3);

    const state = await supportState(published, anna);
    expect(state).toMatchObject({ count: 3, people: 2, organizations: [{ id: rhoId, name: "Comune di Rho" }] });
    expect(state.viewer).toEqual({ supported: true, isAuthor: false, organizations: [{ id: rhoId, name: "Comune di Rho", cosigned: true }] });
    expect((await supportState(published, null)).viewer).toBeNull();
    expect((await supportState(published, author)).viewer).toMatchObject({ supported: false, isAuthor: true, organizations: [] });

    await uncosignContribution(bruno, published, rhoId);
    expect(countOf(published)).toBe(2);
    expect(await refusal(uncosignContribution(bruno, published, rhoId))).toMatchObject({ key: "contributions.support.notCosigned" });
    expect(db.select().from(contributionSupports).where(eq(contributionSupports.contributionId, published)).all()).toHaveLength(2);
  });

  it("an organization does not co-sign a contribution made on its own behalf", async () => {
    const own = (await createContribution(anna, { ...base, title: "A nome del Comune di Rho", organizationId: rhoId })).id;
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, own)).run();
    expect(await refusal(cosignContribution(bruno, own, rhoId))).toMatchObject({ key: "contributions.support.ownOrganization" });
  });
});
