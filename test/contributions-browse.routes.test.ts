// Calls the contributions list, the map endpoint and the contribution page as the server would:
// filters from the URL never cause a 500, the map needs a viewport, the page shows what each
// viewer may see, and only staff moderate comments.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contributionComments, users } from "~db/schema";
import * as listPage from "~/routes/contributi._index";
import { listPageHref } from "~/components/layout/Pagination";
import * as mapEndpoint from "~/routes/contributi.mappa[.]json";
import * as contributionPage from "~/routes/contributi.$id._index";
import { seedReference } from "./db";
import { insertContribution, ISTAT } from "./contributions";
import { insertUser } from "./drafts-participation";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type PageArgs = Parameters<typeof contributionPage.loader>[0];
const pageArgs = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: {} }) as unknown as PageArgs;
const listArgs = (path: string) => ({ request: getRequest(path), params: {}, context: {} }) as unknown as Parameters<typeof listPage.loader>[0];

let published: number;
let withdrawn: number;
let pending: number;
let author: ReturnType<typeof insertUser>;
let authorCookie: string;
let otherCookie: string;
let staffCookie: string;

beforeAll(async () => {
  seedReference();
  author = insertUser("Autrice");
  authorCookie = await sessionCookieFor(author.id);
  otherCookie = await sessionCookieFor(insertUser("Altro").id);
  staffCookie = await sessionCookieFor(insertUser("Redazione", "staff").id);
  published = insertContribution({
    title: "Mobilità dolce a Rho",
    body: "Un **percorso** sicuro. <script>alert(1)</script>",
    comuni: [ISTAT.rho],
    targets: ["STTM1.1"],
    objectives: ["Ob7"],
    authorId: author.id,
  });
  withdrawn = insertContribution({ title: "Proposta ritirata", body: "Testo che non si deve vedere", status: "withdrawn", withdrawnAt: new Date(), authorId: author.id });
  pending = insertContribution({ title: "In attesa", body: "Testo in attesa", status: "pending", authorId: author.id });
});

describe("/contributi", () => {
  it("lists with the filters of the URL, dropping invalid ones instead of failing", async () => {
    const r = await outcome(() => listPage.loader(listArgs("/contributi?q=mobilita&kind=nonexistent&page=abc&from=2025-99-99&comune=015182")));
    expect(r.status).toBe(200);
    const body = r.body as Awaited<ReturnType<typeof listPage.loader>>;
    expect(body.filters).toEqual({ q: "mobilita", comune: "015182", page: 1, sort: "newest" });
    expect(body.result.items.map((i) => i.id)).toEqual([published]);
    expect(body.mapQuery).toBe("q=mobilita&comune=015182");
  });

  it("builds pagination links that keep the filters", async () => {
    for (let i = 0; i < 30; i++) insertContribution({ kind: "buona_pratica", strategyCode: "STTM3" });
    const body = (await listPage.loader(listArgs("/contributi?kind=buona_pratica&sttm=STTM3"))) as Awaited<ReturnType<typeof listPage.loader>>;
    // The page's <Pagination> links pages with the loader's query (filters in their canonical order, no page).
    expect(body.listQuery).toBe("sttm=STTM3&kind=buona_pratica");
    expect(body.result).toMatchObject({ page: 1, hasNext: true });
    expect([1, 2].map((p) => listPageHref("/contributi", body.listQuery, p))).toEqual(["/contributi?sttm=STTM3&kind=buona_pratica", "/contributi?sttm=STTM3&kind=buona_pratica&page=2"]);
  });
});

describe("/contributi/mappa.json", () => {
  const call = (qs: string) => mapEndpoint.loader({ request: getRequest(`/contributi/mappa.json?${qs}`), params: {}, context: {} } as never) as Promise<Response>;

  it("answers JSON with a short cache for a viewport and zoom", async () => {
    const res = await call("bbox=8.69,45.16,9.56,45.65&zoom=9&kind=proposta");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30");
    const body = (await res.json()) as { total: number; clusters: { count: number }[] };
    expect(body.clusters.reduce((n, c) => n + c.count, 0)).toBe(body.total);
  });

  it("refuses a missing or malformed viewport with 400", async () => {
    for (const qs of ["zoom=9", "bbox=1,2,3&zoom=9", "bbox=9.5,45.1,8.7,45.6&zoom=9", "bbox=8.69,45.16,9.56,45.65", "bbox=8.69,45.16,9.56,45.65&zoom=99", "bbox=a,b,c,d&zoom=3"]) {
      expect((await call(qs)).status, qs).toBe(400);
    }
  });
});

describe("/contributi/:id", () => {
  it("shows a published contribution to anyone, with sanitized text, themes and place", async () => {
    const r = await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${published}`), published)));
    expect(r.status).toBe(200);
    const { page, support } = r.body as Awaited<ReturnType<typeof contributionPage.loader>>;
    if (page.withdrawn) throw new Error("not withdrawn");
    expect(page.bodyHtml).toContain("<strong>percorso</strong>");
    expect(page.bodyHtml).not.toContain("<script");
    expect(page.targets.map((x) => x.code)).toEqual(["STTM1.1"]);
    expect(page.objectives.map((x) => x.code)).toEqual(["Ob7"]);
    expect(page.comuni).toEqual([{ istat: ISTAT.rho, name: "Rho" }]);
    expect(page.zones.map((z) => z.id)).toEqual(["nord-ovest"]);
    expect(page.author).toEqual({ kind: "person", name: null, organizationKind: null });
    expect(page.place.geometry?.type).toBe("Point");
    expect(page.outcome).toBeNull();
    expect(support).toMatchObject({ count: 0, viewer: null });
  });

  it("shows a withdrawn contribution as a stub: title and dates, no text", async () => {
    const r = await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${withdrawn}`), withdrawn)));
    expect(r.status).toBe(200);
    const body = r.body as Awaited<ReturnType<typeof contributionPage.loader>>;
    expect(body.page).toMatchObject({ withdrawn: true, title: "Proposta ritirata" });
    expect(JSON.stringify(body)).not.toContain("Testo che non si deve vedere");
    expect(body.support).toBeNull();
  });

  it("shows a pending contribution to its author and staff only", async () => {
    expect((await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${pending}`), pending)))).status).toBe(404);
    expect((await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${pending}`, otherCookie), pending)))).status).toBe(404);
    expect((await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${pending}`, authorCookie), pending)))).status).toBe(200);
    expect((await outcome(() => contributionPage.loader(pageArgs(getRequest(`/contributi/${pending}`, staffCookie), pending)))).status).toBe(200);
  });

  it("names a deleted author «utente cancellato»; an unknown or malformed id is a 404", async () => {
    const gone = insertUser("Da cancellare");
    const id = insertContribution({ authorId: gone.id });
    db.update(users).set({ name: null, email: null, deletedAt: new Date() }).where(eq(users.id, gone.id)).run();
    const body = (await contributionPage.loader(pageArgs(getRequest(`/contributi/${id}`), id))) as Awaited<ReturnType<typeof contributionPage.loader>>;
    expect(body.page.author).toMatchObject({ kind: "deleted", name: "utente cancellato" });
    expect((await outcome(() => contributionPage.loader(pageArgs(getRequest("/contributi/999999"), 999999)))).status).toBe(404);
    const bad = { request: getRequest("/contributi/abc"), params: { id: "abc" }, context: {} } as unknown as PageArgs;
    expect((await outcome(() => contributionPage.loader(bad))).status).toBe(404);
  });

  it("comments: anonymous → log in; participant posts (pending) but may not moderate; staff approve", async () => {
    const path = `/contributi/${published}`;
    const anon = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent: "comment", body: "Ciao" }), published)));
    expect(anon.status).toBe(302);
    expect(anon.location).toBe(`/accedi?redirectTo=${encodeURIComponent(path)}`);

    const posted = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent: "comment", body: "Un commento" }, otherCookie), published)));
    expect(posted.status).toBe(302);
    expect(posted.location).toMatch(new RegExp(`^${path}\\?esito=comment\\.pending#commento-\\d+$`));
    const commentId = Number(posted.location!.split("commento-")[1]);

    for (const intent of ["approve", "reject"]) {
      const denied = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent, kind: "comment", itemId: String(commentId) }, otherCookie), published)));
      expect(denied.status).toBe(403);
    }
    const approved = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent: "approve", kind: "comment", itemId: String(commentId) }, staffCookie), published)));
    expect(approved.status).toBe(302);
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, commentId)).get()?.status).toBe("published");
  });

  it("sends a refused comment back with what was typed", async () => {
    const path = `/contributi/${published}`;
    const r = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent: "comment", body: "   " }, otherCookie), published)));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, formId: "comment", field: "body", message: "Scrivi il testo del commento." });
    const tooLong = await outcome(() => contributionPage.action(pageArgs(formRequest(path, { intent: "comment", body: "x".repeat(5001) }, otherCookie), published)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ values: { body: "x".repeat(5001) } });
  });
});
