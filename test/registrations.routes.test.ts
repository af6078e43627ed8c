// Calls the registration routes' loaders and actions directly, as the server would.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { meetings, memberships, organizations, processes, users, type MeetingKind } from "~db/schema";
import * as panel from "~/routes/incontri.$id._index";
import * as staffList from "~/routes/gestione.incontri.$id.iscrizioni";
import * as staffCsv from "~/routes/gestione.incontri.$id.iscrizioni[.]csv";
import * as staffInvitations from "~/routes/gestione.incontri.$id.inviti";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof panel.action>[0];
const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: {} }) as unknown as Args;

let participant: string;
let participantCookie: string;
let otherCookie: string;
let staffCookie: string;
let rhoId: number;
let table: number;
let sudEst: number;
let conference: number;

function user(name: string, role: "participant" | "staff" = "participant") {
  const id = randomUUID();
  db.insert(users).values({ id, email: `${id.slice(0, 8)}@example.org`, name, role }).run();
  return id;
}

function meeting(kind: MeetingKind, zoneId: string | null = null) {
  const processId = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  return db
    .insert(meetings)
    .values({ processId, kind, title: `Prova ${kind} ${zoneId ?? ""}`, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), zoneId, capacity: 10, status: "registration_open" })
    .returning({ id: meetings.id })
    .get().id;
}

beforeAll(async () => {
  seedReference();
  participant = user("Ufficio tecnico Rho");
  const other = user("Altra Persona");
  const staff = user("Staff", "staff");
  rhoId = db.select().from(organizations).where(eq(organizations.slug, "comune-di-rho")).get()!.id;
  db.insert(memberships).values({ userId: participant, organizationId: rhoId, status: "approved" }).run();
  participantCookie = await sessionCookieFor(participant);
  otherCookie = await sessionCookieFor(other);
  staffCookie = await sessionCookieFor(staff);
  table = meeting("tavolo_territoriale", "nord-ovest");
  sudEst = meeting("tavolo_territoriale", "sud-est");
  conference = meeting("conferenza_istruttoria");
});

describe("staff pages: participants get 403, anonymous users are sent to log in", () => {
  const routes = [
    { name: "registrations loader", run: (c?: string) => staffList.loader(args(getRequest(`/gestione/incontri/${table}/iscrizioni`, c), table)) },
    {
      name: "registrations action (attendance)",
      run: (c?: string) =>
        staffList.action(args(formRequest(`/gestione/incontri/${table}/iscrizioni`, { intent: "attendance", registrationId: "1", attended: "yes" }, c), table)),
    },
    {
      name: "registrations action (cancel)",
      run: (c?: string) => staffList.action(args(formRequest(`/gestione/incontri/${table}/iscrizioni`, { intent: "cancel", registrationId: "1" }, c), table)),
    },
    { name: "CSV export", run: (c?: string) => staffCsv.loader(args(getRequest(`/gestione/incontri/${table}/iscrizioni.csv`, c), table)) },
    { name: "invitations loader", run: (c?: string) => staffInvitations.loader(args(getRequest(`/gestione/incontri/${conference}/inviti`, c), conference)) },
    {
      name: "invitations action (invite all comuni)",
      run: (c?: string) => staffInvitations.action(args(formRequest(`/gestione/incontri/${conference}/inviti`, { intent: "inviteAll" }, c), conference)),
    },
  ];
  for (const route of routes) {
    it(`${route.name}: a participant gets 403`, async () => {
      expect((await outcome(() => route.run(participantCookie))).status).toBe(403);
    });
    it(`${route.name}: an anonymous user is sent to log in`, async () => {
      const result = await outcome(() => route.run());
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione%2Fincontri%2F/);
    });
  }
});

describe("the registration panel", () => {
  it("anonymous: no registration, no choices; registering sends to log in", async () => {
    const r = await outcome(() => panel.loader(args(getRequest(`/incontri/${table}`), table)));
    expect(r.body).toMatchObject({ signedIn: false, mine: null, choices: [] });
    const post = await outcome(() => panel.action(args(formRequest(`/incontri/${table}?index`, { intent: "register", choice: "self" }), table)));
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/accedi\?redirectTo=/);
  });

  it("refuses Comune di Rho at the Sud Est table with a 403 and the reason, keeping the choice", async () => {
    const r = await outcome(() => panel.action(args(formRequest(`/incontri/${sudEst}?index`, { intent: "register", choice: String(rhoId) }, participantCookie), sudEst)));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      values: { choice: String(rhoId) },
      errors: { form: "registration.refusal.comune_other_zone" },
      refusal: { reason: "comune_other_zone", organization: "Comune di Rho", zone: "Sud Est", organizationZone: "Nord Ovest" },
    });
  });

  it("answers a missing choice with a 400 and a message", async () => {
    const r = await outcome(() => panel.action(args(formRequest(`/incontri/${table}?index`, { intent: "register" }, participantCookie), table)));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errors: { choice: "errors.registrationChoice" } });
  });

  it("registers Rho at the Nord Ovest table; a participant's loader shows only their own registration", async () => {
    const r = await outcome(() => panel.action(args(formRequest(`/incontri/${table}?index`, { intent: "register", choice: String(rhoId) }, participantCookie), table)));
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/incontri/${table}?ok=confirmed`);

    const mine = await outcome(() => panel.loader(args(getRequest(`/incontri/${table}`, participantCookie), table)));
    expect(mine.body).toMatchObject({ mine: { status: "confirmed", capacity: "comune", organizationName: "Comune di Rho" } });

    const other = await outcome(() => panel.loader(args(getRequest(`/incontri/${table}`, otherCookie), table)));
    expect(other.body).toMatchObject({ signedIn: true, mine: null, canManage: false });
    expect(JSON.stringify(other.body)).not.toContain("Ufficio tecnico Rho");
    expect(Object.keys(other.body as object)).not.toContain("registrations");
  });

  it("lets staff read the list and the CSV", async () => {
    const list = await outcome(() => staffList.loader(args(getRequest(`/gestione/incontri/${table}/iscrizioni`, staffCookie), table)));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ list: { total: 1 }, counts: { totals: { confirmed: 1 } } });
    const csv = await outcome(() => staffCsv.loader(args(getRequest(`/gestione/incontri/${table}/iscrizioni.csv?sep=;`, staffCookie), table)));
    const response = csv.body as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("Comune di Rho;Comune;Nord Ovest");
  });
});
