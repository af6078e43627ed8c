// Calls the process routes' loaders and actions directly, as the server would.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { addDays } from "~/lib/dates";
import { registerUser } from "~/domain/accounts/users.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { phases, processes } from "~db/schema";
import * as staffList from "~/routes/gestione.processi._index";
import * as staffNew from "~/routes/gestione.processi.nuovo";
import * as staffEdit from "~/routes/gestione.processi.$id";
import * as publicList from "~/routes/processi._index";
import * as publicPage from "~/routes/processi.$slug";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof staffEdit.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientAddress: "10.0.0.1" } }) as unknown as Args;

let participantCookie: string;
let staffCookie: string;
let seededId: number;

const ADOPTION = "2027-06-30";
const processFields = (overrides: Record<string, string> = {}) => ({
  intent: "process",
  title: "Revisione della STTM 1",
  description: "Testo **in Markdown**.",
  status: "active",
  draftPublicDate: "",
  plannedAdoptionDate: ADOPTION,
  strategies: "STTM1",
  moderationMode: "pre",
  flagThreshold: "3",
  ...overrides,
});

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante", email: "p-processi@example.org", password: "password-partecipante" });
  const staff = await registerUser({ name: "Staff", email: "s-processi@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staff);
  seededId = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
});

describe("authorization on the staff process pages", () => {
  const staffOnly = [
    { name: "list loader", run: (c?: string) => staffList.loader(args(getRequest("/gestione/processi", c))) },
    { name: "new loader", run: (c?: string) => staffNew.loader(args(getRequest("/gestione/processi/nuovo", c))) },
    { name: "new action", run: (c?: string) => staffNew.action(args(formRequest("/gestione/processi/nuovo", processFields(), c))) },
    { name: "edit loader", run: (c?: string) => staffEdit.loader(args(getRequest(`/gestione/processi/${seededId}`, c), { id: String(seededId) })) },
    ...["process", "addPhase", "updatePhase", "deletePhase", "movePhase"].map((intent) => ({
      name: `edit action (${intent})`,
      run: (c?: string) =>
        staffEdit.action(
          args(
            formRequest(`/gestione/processi/${seededId}`, { ...processFields({ intent }), phaseId: "1", direction: "up", startDate: "2027-01-01", precision: "day" }, c),
            { id: String(seededId) },
          ),
        ),
    })),
  ];
  for (const route of staffOnly) {
    it(`${route.name}: a participant gets 403`, async () => {
      expect((await outcome(() => route.run(participantCookie))).status).toBe(403);
    });
    it(`${route.name}: an anonymous user is sent to log in`, async () => {
      const result = await outcome(() => route.run());
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione%2Fprocessi/);
    });
  }

  it("nothing was written by the refused requests", () => {
    expect(db.select().from(processes).all()).toHaveLength(1);
    expect(db.select().from(phases).all()).toHaveLength(5);
  });
});

describe("staff create and edit a process", () => {
  it("bad input is a 400 with Italian message keys and what was typed", async () => {
    const r = await outcome(() =>
      staffNew.action(
        args(formRequest("/gestione/processi/nuovo", processFields({ title: "X", plannedAdoptionDate: "2027-02-30", strategies: "STTM9", flagThreshold: "zero" }), staffCookie)),
      ),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      values: { title: "X", plannedAdoptionDate: "2027-02-30", strategies: "STTM9" },
      errors: {
        title: "errors.process.title",
        plannedAdoptionDate: "errors.process.date",
        strategies: "errors.process.strategies",
        flagThreshold: "errors.process.flagThreshold",
      },
    });
  });

  it("a draft public 60 days before adoption: 409 with the 90-day issue and the form kept; confirmed, it is created", async () => {
    const fields = processFields({ draftPublicDate: addDays(ADOPTION, -60), strategies: "STTM1" });
    const warned = await outcome(() => staffNew.action(args(formRequest("/gestione/processi/nuovo", fields, staffCookie))));
    expect(warned.status).toBe(409);
    expect(warned.body).toMatchObject({ values: { title: "Revisione della STTM 1", draftPublicDate: "2027-05-01" }, issues: [{ rule: "draft_90_days", days: 60 }] });
    expect(db.select().from(processes).all()).toHaveLength(1);

    const created = await outcome(() => staffNew.action(args(formRequest("/gestione/processi/nuovo", { ...fields, confirmArt7bis: "on" }, staffCookie))));
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/gestione\/processi\/\d+\?ok=created$/);
  });

  it("a phase ending before it starts is refused with an Italian message, values kept", async () => {
    const r = await outcome(() =>
      staffEdit.action(
        args(
          formRequest(
            `/gestione/processi/${seededId}`,
            { intent: "addPhase", title: "Conferenza", kind: "conferenza_istruttoria", startDate: "2027-05-10", endDate: "2027-05-01", precision: "day" },
            staffCookie,
          ),
          { id: String(seededId) },
        ),
      ),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ values: { title: "Conferenza", endDate: "2027-05-01" }, errors: { endDate: "errors.phase.endBeforeStart" } });
  });

  it("adds, moves and deletes a phase of the seeded process", async () => {
    const post = (fields: Record<string, string>) =>
      outcome(() => staffEdit.action(args(formRequest(`/gestione/processi/${seededId}`, fields, staffCookie), { id: String(seededId) })));
    expect((await post({ intent: "addPhase", title: "Messa a disposizione", startDate: "2023-06-01", precision: "day" })).location).toBe(
      `/gestione/processi/${seededId}?ok=phaseAdded`,
    );
    const added = db.select().from(phases).where(eq(phases.title, "Messa a disposizione")).get()!;
    expect(added.position).toBe(5);
    expect((await post({ intent: "movePhase", phaseId: String(added.id), direction: "up" })).status).toBe(302);
    expect(db.select().from(phases).where(eq(phases.id, added.id)).get()?.position).toBe(4);
    expect((await post({ intent: "deletePhase", phaseId: String(added.id) })).status).toBe(302);
    expect(db.select().from(phases).where(eq(phases.processId, seededId)).all().map((p) => p.position).sort()).toEqual([0, 1, 2, 3, 4]);
    expect((await post({ intent: "deletePhase", phaseId: String(added.id) })).status).toBe(404);
    expect((await post({ intent: "boh" })).status).toBe(400);
  });
});

describe("public process pages", () => {
  it("the seeded process page lists its 5 phases in order and states both art. 7bis dates (not set yet)", async () => {
    const page = (await publicPage.loader(args(getRequest(`/processi/${FIRST_PROCESS_SLUG}`), { slug: FIRST_PROCESS_SLUG }))) as Awaited<
      ReturnType<typeof publicPage.loader>
    >;
    expect(page.phases.map((p) => p.title)).toHaveLength(5);
    expect(page.phases[2]).toMatchObject({ startDate: "2022-10-01", endDate: "2022-11-30", precision: "month" });
    // Today (2026 or later) every seeded phase is past.
    expect(page.phases.every((p) => p.status === "past")).toBe(true);
    expect(page.process).toMatchObject({ draftPublicDate: null, plannedAdoptionDate: null });
    expect(page.process.strategies.map((s) => s.code)).toEqual(["STTM1", "STTM2", "STTM3"]);
  });

  it("a draft process is a 404 for the public and visible to staff", async () => {
    const created = await outcome(() =>
      staffNew.action(args(formRequest("/gestione/processi/nuovo", processFields({ title: "Processo riservato", status: "draft" }), staffCookie))),
    );
    expect(created.status).toBe(302);
    const slug = "processo-riservato";
    expect((await outcome(() => publicPage.loader(args(getRequest(`/processi/${slug}`), { slug })))).status).toBe(404);
    expect((await outcome(() => publicPage.loader(args(getRequest(`/processi/${slug}`, participantCookie), { slug })))).status).toBe(404);
    expect((await outcome(() => publicPage.loader(args(getRequest(`/processi/${slug}`, staffCookie), { slug })))).status).toBe(200);
    const list = (await publicList.loader()) as Awaited<ReturnType<typeof publicList.loader>>;
    expect(list.processes.map((p) => p.slug)).not.toContain(slug);
  });
});
