// Calls the moderation routes' loaders and actions directly, as the server would.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contributionComments, contributions, notificationPreferences } from "~db/schema";
import * as queue from "~/routes/gestione.moderazione._index";
import * as item from "~/routes/gestione.moderazione.$kind.$id";
import * as workload from "~/routes/gestione.moderazione.carico";
import * as audit from "~/routes/gestione.registro";
import * as auditCsv from "~/routes/gestione.registro[.]csv";
import * as reports from "~/routes/segnalazioni";
import * as prefs from "~/routes/account.notifiche";
import { seedReference } from "./db";
import { insertContribution } from "./contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { auditOf, insertContributionComment } from "./moderation";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof queue.loader>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientAddress: "10.0.0.1" } }) as unknown as Args;

let participant: string;
let staff: string;
let admin: string;
let author: { id: string };
let pendingId: number;
let version: ReturnType<typeof insertVersionInConsultation>;

beforeAll(async () => {
  seedReference();
  author = insertUser("Cittadina");
  participant = await sessionCookieFor(insertUser("Partecipante").id);
  staff = await sessionCookieFor(insertUser("Staff", "staff").id);
  admin = await sessionCookieFor(insertUser("Admin", "admin").id);
  pendingId = insertContribution({ status: "pending", authorId: author.id, targets: ["STTM1.1"] });
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

const itemParams = () => ({ kind: "contributo", id: String(pendingId) });
const post = (intent: string, fields: Record<string, string> = {}) => (c?: string) =>
  item.action(args(formRequest(`/gestione/moderazione/contributo/${pendingId}`, { intent, ...fields }, c), itemParams()));

describe("every moderation loader and action refuses participants (403) and sends anonymous users to log in", () => {
  const routes: { name: string; run: (cookie?: string) => Promise<unknown> }[] = [
    { name: "queue loader", run: (c) => queue.loader(args(getRequest("/gestione/moderazione", c))) },
    { name: "queue bulk publish", run: (c) => queue.action(args(formRequest("/gestione/moderazione", { intent: "publish", item: `contribution:${pendingId}` }, c))) },
    { name: "queue bulk reject", run: (c) => queue.action(args(formRequest("/gestione/moderazione", { intent: "reject", item: `contribution:${pendingId}`, reason: "spam" }, c))) },
    { name: "queue publish one", run: (c) => queue.action(args(formRequest("/gestione/moderazione", { publishOne: `contribution:${pendingId}` }, c))) },
    { name: "item loader", run: (c) => item.loader(args(getRequest(`/gestione/moderazione/contributo/${pendingId}`, c), itemParams())) },
    { name: "item publish", run: post("publish") },
    { name: "item reject", run: post("reject", { reason: "spam" }) },
    { name: "item send back", run: post("sendBack", { message: "Cambia" }) },
    { name: "item restore", run: post("restore", { reason: "ok" }) },
    { name: "item hide for good", run: post("hideForGood", { reason: "no" }) },
    { name: "item redact", run: post("redact", { passage: "Testo" }) },
    { name: "item metadata", run: post("metadata", { kind: "proposta", strategyCode: "STTM1", targetCodes: "STTM1.1" }) },
    { name: "item duplicate", run: post("duplicate", { duplicateOf: "1" }) },
    { name: "item links", run: post("links", { versionId: "1", sectionIds: "1" }) },
    { name: "item outcome", run: post("outcome", { outcome: "accolto", response: "Sì" }) },
    { name: "workload loader", run: (c) => workload.loader(args(getRequest("/gestione/moderazione/carico", c))) },
    { name: "audit log loader", run: (c) => audit.loader(args(getRequest("/gestione/registro", c))) },
    { name: "audit log CSV", run: (c) => auditCsv.loader(args(getRequest("/gestione/registro.csv", c))) },
  ];
  for (const route of routes) {
    it(`${route.name}: participant 403, anonymous → log in`, async () => {
      expect((await outcome(() => route.run(participant))).status).toBe(403);
      const anonymous = await outcome(() => route.run());
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione%2F/);
    });
  }

  it("nothing changed: the contribution is still pending, with no audit entry", () => {
    expect(db.select().from(contributions).where(eq(contributions.id, pendingId)).get()!.status).toBe("pending");
    expect(auditOf("contribution", pendingId)).toEqual([]);
  });

  it("the audit log is for admins only: staff get 403, admins read it and its CSV (with BOM)", async () => {
    expect((await outcome(() => audit.loader(args(getRequest("/gestione/registro", staff))))).status).toBe(403);
    expect((await outcome(() => auditCsv.loader(args(getRequest("/gestione/registro.csv", staff))))).status).toBe(403);
    expect((await outcome(() => audit.loader(args(getRequest("/gestione/registro", admin))))).status).toBe(200);
    const csv = (await auditCsv.loader(args(getRequest("/gestione/registro.csv?azione=contribution.", admin)))) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("reports and notification preferences need a session", async () => {
    const r = await outcome(() => reports.action(args(formRequest("/segnalazioni", { itemKind: "contribution", itemId: "1", reason: "spam", redirectTo: "/contributi/1" }))));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/accedi/);
    expect((await outcome(() => prefs.loader(args(getRequest("/account/notifiche"))))).location).toMatch(/^\/accedi/);
  });
});

describe("staff", () => {
  it("cannot edit a contribution's text: a metadata form carrying title or body is refused and nothing changes", async () => {
    const before = db.select().from(contributions).where(eq(contributions.id, pendingId)).get()!;
    for (const extra of [{ title: "Titolo della redazione" }, { body: "Testo della redazione" }] as Record<string, string>[]) {
      const r = await outcome(post("metadata", { kind: "osservazione", strategyCode: "STTM1", targetCodes: "STTM1.2", ...extra }).bind(null, staff));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: "moderation.error.authorText" });
    }
    const after = db.select().from(contributions).where(eq(contributions.id, pendingId)).get()!;
    expect(after).toEqual(before);
  });

  it("send back, then publish, then link and give an outcome through the item page", async () => {
    expect((await outcome(post("sendBack", { message: "Aggiungi il comune." }).bind(null, staff))).status).toBe(302);
    expect(db.select().from(contributions).where(eq(contributions.id, pendingId)).get()!.changesRequestedAt).not.toBeNull();
    // An outcome is refused while pending.
    const early = await outcome(post("outcome", { outcome: "accolto", response: "Sì." }).bind(null, staff));
    expect(early.status).toBe(409);
    expect((await outcome(post("publish").bind(null, staff))).location).toBe(`/gestione/moderazione/contributo/${pendingId}?esito=publish#publish-title`);
    const s23 = version.bySection["2.3"];
    expect((await outcome(post("links", { versionId: String(version.versionId), sectionIds: String(s23) }).bind(null, staff))).status).toBe(302);
    expect((await outcome(post("outcome", { outcome: "parzialmente_accolto", response: "Accolto in parte." }).bind(null, staff))).status).toBe(302);
    const page = (await item.loader(args(getRequest(`/gestione/moderazione/contributo/${pendingId}?versione=${version.versionId}`, staff), itemParams()))) as Awaited<ReturnType<typeof item.loader>>;
    expect(page.outcome?.current).toMatchObject({ outcome: "parzialmente_accolto", revision: 1 });
    expect(page.sections.find((s) => s.sectionId === s23)?.linked).toBe(true);
  });

  it("bulk publishes from the queue and comes back with the filters", async () => {
    const a = insertContribution({ status: "pending", authorId: author.id });
    const b = insertContribution({ status: "pending", authorId: author.id });
    const body = new URLSearchParams([["intent", "publish"], ["item", `contribution:${a}`], ["item", `contribution:${b}`], ["back", "?tipo=contribution"]]);
    const request = new Request("http://localhost/gestione/moderazione", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: staff }, body: body.toString() });
    const r = await outcome(() => queue.action(args(request)));
    expect(r.location).toBe("/gestione/moderazione?tipo=contribution&esito=published&n=2");
    expect(db.select().from(contributions).where(eq(contributions.id, b)).get()!.status).toBe("published");
  });
});

describe("reports through /segnalazioni", () => {
  it("three people hide a comment; the same person again is told, not counted", async () => {
    const contributionId = insertContribution({ authorId: author.id });
    const commentId = insertContributionComment({ contributionId, authorId: author.id });
    const cookies = [participant, await sessionCookieFor(insertUser("Due").id), await sessionCookieFor(insertUser("Tre").id)];
    const report = (cookie: string) =>
      outcome(() => reports.action(args(formRequest("/segnalazioni", { itemKind: "contribution_comment", itemId: String(commentId), reason: "offensive", redirectTo: `/contributi/${contributionId}?x=1` }, cookie))));
    expect((await report(cookies[0])).location).toBe(`/contributi/${contributionId}?x=1&segnalazione=counted&voce=contribution_comment-${commentId}#segnala-contribution_comment-${commentId}`);
    await report(cookies[1]);
    expect((await report(cookies[2])).location).toMatch(/segnalazione=hidden.*#esito-segnalazione$/);
    expect((await report(cookies[0])).location).toContain("segnalazione=already");
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, commentId)).get()!.status).toBe("hidden");
  });

  it("a redirect outside the site is not followed", async () => {
    const contributionId = insertContribution({ authorId: author.id });
    const r = await outcome(() => reports.action(args(formRequest("/segnalazioni", { itemKind: "contribution", itemId: String(contributionId), reason: "spam", redirectTo: "//evil.example/x" }, participant))));
    expect(r.location).toMatch(/^\/\?segnalazione=counted/);
  });
});

describe("notification preferences page", () => {
  it("saves the ticked kinds", async () => {
    const user = insertUser("Preferenze");
    const cookie = await sessionCookieFor(user.id);
    const body = new URLSearchParams([["kind", "outcome"], ["kind", "sent_back"]]);
    const request = new Request("http://localhost/account/notifiche", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie }, body: body.toString() });
    expect((await outcome(() => prefs.action(args(request)))).location).toBe("/account/notifiche?salvato=1");
    const rows = db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).all();
    expect(rows.filter((r) => r.enabled).map((r) => r.kind).sort()).toEqual(["outcome", "sent_back"]);
  });
});
