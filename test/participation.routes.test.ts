// Calls the section page's loader and action as the server would: who may post, who may moderate,
// and that a refused comment comes back with what was typed.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { draftVersions, sectionComments } from "~db/schema";
import * as sectionPage from "~/routes/strategie.$code_.bozze.$versionId_.sezioni.$sectionId";
import { seedReference } from "./db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof sectionPage.action>[0];
let v: ReturnType<typeof insertVersionInConsultation>;
let path: string;
let params: Record<string, string>;
let participantCookie: string;
let staffCookie: string;

const args = (request: Request) => ({ request, params, context: {} }) as unknown as Args;

beforeAll(async () => {
  seedReference();
  v = insertVersionInConsultation({ strategyCode: "STTM3", label: "v0.1", sections: SECTIONS_V01 });
  params = { code: "STTM3", versionId: String(v.versionId), sectionId: String(v.bySection["2.3"]) };
  path = `/strategie/STTM3/bozze/${v.versionId}/sezioni/${v.bySection["2.3"]}`;
  const participant = insertUser("Partecipante");
  participantCookie = await sessionCookieFor(participant.id);
  staffCookie = await sessionCookieFor(insertUser("Staff", "staff").id);
});

describe("section page: authorization on the server", () => {
  it("anyone may read it; an unknown section is a 404", async () => {
    expect((await outcome(() => sectionPage.loader(args(getRequest(path))))).status).toBe(200);
    params = { ...params, sectionId: "999999" };
    try {
      expect((await outcome(() => sectionPage.loader(args(getRequest(path))))).status).toBe(404);
    } finally {
      params = { ...params, sectionId: String(v.bySection["2.3"]) };
    }
  });

  for (const fields of <Record<string, string>[]>[
    { intent: "comment", body: "Anonimo" },
    { intent: "amend", proposedText: "Testo" },
    { intent: "approve", kind: "comment", itemId: "1" },
  ]) {
    it(`an anonymous ${fields.intent} is sent to log in and back`, async () => {
      const r = await outcome(() => sectionPage.action(args(formRequest(path, fields))));
      expect(r.status).toBe(302);
      expect(r.location).toBe(`/accedi?redirectTo=${encodeURIComponent(path)}`);
    });
  }

  it("a participant comments (pending) but may not approve or reject: 403", async () => {
    const r = await outcome(() => sectionPage.action(args(formRequest(path, { intent: "comment", body: "Un commento" }, participantCookie))));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(new RegExp(`^${path}\\?esito=comment\\.pending#commento-\\d+$`));
    const id = Number(r.location!.split("commento-")[1]);
    for (const intent of ["approve", "reject"]) {
      const denied = await outcome(() => sectionPage.action(args(formRequest(path, { intent, kind: "comment", itemId: String(id) }, participantCookie))));
      expect(denied.status).toBe(403);
    }
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, id)).get()!.status).toBe("pending");
    const ok = await outcome(() => sectionPage.action(args(formRequest(path, { intent: "approve", kind: "comment", itemId: String(id) }, staffCookie))));
    expect(ok.status).toBe(302);
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, id)).get()!.status).toBe("published");
  });

  it("outside the window: 409 with a clear message and the typed text sent back", async () => {
    const past = new Date(Date.now() - 3600_000);
    db.update(draftVersions).set({ commentsOpenUntil: past }).where(eq(draftVersions.id, v.versionId)).run();
    try {
      const typed = "Un commento lungo e pensato, da non perdere.";
      const r = await outcome(() => sectionPage.action(args(formRequest(path, { intent: "comment", body: typed }, participantCookie))));
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ ok: false, formId: "comment", values: { body: typed } });
      expect((r.body as { message: string }).message).toMatch(/^Non è possibile inviare: la consultazione su v0\.1 era aperta dal .+ al .+\. Il testo che hai scritto è ancora qui sotto\.$/);
      expect(db.select().from(sectionComments).where(eq(sectionComments.body, typed)).all()).toHaveLength(0);
    } finally {
      db.update(draftVersions).set({ commentsOpenUntil: new Date(Date.now() + 86_400_000) }).where(eq(draftVersions.id, v.versionId)).run();
    }
  });

  it("an empty comment is a 400 on its form, not a 500", async () => {
    const r = await outcome(() => sectionPage.action(args(formRequest(path, { intent: "comment", body: "  ", parentId: "" }, participantCookie))));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ formId: "comment", field: "body", message: "Scrivi il testo del commento." });
  });

  it("on behalf of an organization one does not represent: 403 with the message, text kept", async () => {
    const r = await outcome(() => sectionPage.action(args(formRequest(path, { intent: "amend", proposedText: "Nuovo", organizationId: "1" }, participantCookie))));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ formId: "amend", field: "organizationId", values: { proposedText: "Nuovo" } });
  });
});
