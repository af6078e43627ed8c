// Calls the meeting routes' loaders and actions directly, as the server would.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

const uploads = await vi.hoisted(async () => {
  const [nodeFs, nodePath, nodeOs] = await Promise.all([import("node:fs"), import("node:path"), import("node:os")]);
  const dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "concerta-route-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { db } from "~/lib/db.server";
import { addDays } from "~/lib/dates";
import { registerUser } from "~/domain/accounts/users.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { meetingDocuments, meetings, outbox, processes, registrations } from "~db/schema";
import * as staffList from "~/routes/gestione.incontri._index";
import * as staffNew from "~/routes/gestione.incontri.nuovo";
import * as staffMeetingLayout from "~/routes/gestione.incontri.$id";
import * as staffEdit from "~/routes/gestione.incontri.$id._index";
import * as staffMinutes from "~/routes/gestione.incontri.$id.verbale";
import * as publicList from "~/routes/incontri._index";
import * as publicPage from "~/routes/incontri.$id";
import * as meetingIcs from "~/routes/incontri.$id.calendario[.]ics";
import * as feedIcs from "~/routes/incontri.calendario[.]ics";
import * as download from "~/routes/incontri.$id.documenti.$docId";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof staffNew.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args;

let participantCookie: string;
let staffCookie: string;
let staffId: string;
let meetingId: number;

const validForm = {
  intent: "save",
  title: "Tavolo territoriale di prova",
  kind: "tavolo_territoriale",
  zoneId: "sud-ovest",
  startsAt: "2027-03-10T17:30",
  endsAt: "2027-03-10T19:30",
  venueName: "Sala consiliare",
  venueAddress: "Via Roma 1, Corsico",
  lat: "45.43",
  lon: "9.11",
  capacity: "40",
  agenda: "1. Saluti",
};

function multipart(boundary: string, title: string, fileName: string, content: Uint8Array) {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

function uploadRequest(id: number, body: Uint8Array | ReadableStream<Uint8Array>, cookie?: string, extra: Record<string, string> = {}) {
  const boundary = "----routeTestBoundary";
  const headers = new Headers({ "Content-Type": `multipart/form-data; boundary=${boundary}`, ...extra });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost/gestione/incontri/${id}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

const TINY_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const FAKE_EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00", "latin1"), Buffer.alloc(4096, 1)]);

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante", email: "p-meet@example.org", password: "password-partecipante" });
  staffId = await registerUser({ name: "Staff", email: "s-meet@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staffId);
  const created = await outcome(() => staffNew.action(args(formRequest("/gestione/incontri/nuovo", validForm, staffCookie))));
  meetingId = Number(created.location!.match(/\/gestione\/incontri\/(\d+)/)![1]);
});

describe("only staff manage meetings", () => {
  const p = () => ({ id: String(meetingId) });
  const staffOnly = [
    { name: "list loader", run: (c?: string) => staffList.loader(args(getRequest("/gestione/incontri", c))) },
    { name: "new loader", run: (c?: string) => staffNew.loader(args(getRequest("/gestione/incontri/nuovo", c))) },
    { name: "new action", run: (c?: string) => staffNew.action(args(formRequest("/gestione/incontri/nuovo", validForm, c))) },
    { name: "meeting layout loader", run: (c?: string) => staffMeetingLayout.loader(args(getRequest(`/gestione/incontri/${meetingId}`, c), p())) },
    { name: "edit loader", run: (c?: string) => staffEdit.loader(args(getRequest(`/gestione/incontri/${meetingId}`, c), p())) },
    { name: "edit action (save)", run: (c?: string) => staffEdit.action(args(formRequest(`/gestione/incontri/${meetingId}`, validForm, c), p())) },
    {
      name: "edit action (cancel)",
      run: (c?: string) => staffEdit.action(args(formRequest(`/gestione/incontri/${meetingId}`, { intent: "cancel", reason: "Non si fa più" }, c), p())),
    },
    {
      name: "edit action (status)",
      run: (c?: string) => staffEdit.action(args(formRequest(`/gestione/incontri/${meetingId}`, { intent: "transition", to: "held" }, c), p())),
    },
    { name: "edit action (upload)", run: (c?: string) => staffEdit.action(args(uploadRequest(meetingId, multipart("----routeTestBoundary", "Doc", "a.pdf", TINY_PDF), c), p())) },
    { name: "minutes loader", run: (c?: string) => staffMinutes.loader(args(getRequest(`/gestione/incontri/${meetingId}/verbale`, c), p())) },
    {
      name: "minutes action (close)",
      run: (c?: string) => staffMinutes.action(args(formRequest(`/gestione/incontri/${meetingId}/verbale`, { intent: "close", minutes: "Verbale" }, c), p())),
    },
    {
      name: "minutes action (contribution)",
      run: (c?: string) =>
        staffMinutes.action(args(formRequest(`/gestione/incontri/${meetingId}/verbale`, { intent: "contribution", organizationId: "1", kind: "proposta", title: "Titolo", body: "Testo abbastanza lungo" }, c), p())),
    },
  ];
  for (const route of staffOnly) {
    it(`${route.name}: a participant gets 403`, async () => {
      expect((await outcome(() => route.run(participantCookie))).status).toBe(403);
    });
    it(`${route.name}: an anonymous user is sent to log in`, async () => {
      const result = await outcome(() => route.run());
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione%2Fincontri/);
    });
  }

  it("nothing changed through the refused requests", async () => {
    const m = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    expect(m.status).toBe("scheduled");
    expect(db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId)).all()).toHaveLength(0);
  });
});

describe("the meeting form", () => {
  it("bad input: 400, Italian message keys per field, what was typed comes back", async () => {
    const r = await outcome(() =>
      staffNew.action(args(formRequest("/gestione/incontri/nuovo", { ...validForm, title: "Il titolo che ho scritto", endsAt: "2027-03-10T16:00", capacity: "0" }, staffCookie))),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      errors: { endsAt: "errors.meetingEndBeforeStart", capacity: "errors.meetingCapacity" },
      values: { title: "Il titolo che ho scritto", capacity: "0" },
    });
  });

  it("a valid form creates the meeting and goes to its page", async () => {
    const r = await outcome(() => staffNew.action(args(formRequest("/gestione/incontri/nuovo", { ...validForm, title: "Tavolo valido" }, staffCookie))));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/gestione\/incontri\/\d+\?ok=created$/);
  });

  describe("art. 7bis: a conferenza istruttoria", () => {
    const adoption = "2028-06-30";
    const conferenza = (days: number, extra: Record<string, string> = {}) => ({
      ...validForm,
      kind: "conferenza_istruttoria",
      zoneId: "",
      title: `Conferenza a ${days} giorni`,
      startsAt: `${addDays(adoption, -days)}T10:00`,
      endsAt: `${addDays(adoption, -days)}T13:00`,
      ...extra,
    });
    beforeAll(() => {
      db.update(processes).set({ plannedAdoptionDate: adoption, rulesOverride: null }).where(eq(processes.slug, FIRST_PROCESS_SLUG)).run();
    });

    it("70 days before adoption: 409 with the issue to confirm, nothing saved", async () => {
      const r = await outcome(() => staffNew.action(args(formRequest("/gestione/incontri/nuovo", conferenza(70), staffCookie))));
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ errors: { form: "errors.meetingArt7bis" }, issues: [{ rule: "conference_60_days", days: 70 }], values: { title: "Conferenza a 70 giorni" } });
      expect(db.select().from(meetings).where(eq(meetings.title, "Conferenza a 70 giorni")).get()).toBeUndefined();
    });

    it("70 days, confirmed: saved", async () => {
      const r = await outcome(() => staffNew.action(args(formRequest("/gestione/incontri/nuovo", conferenza(70, { confirmArt7bis: "on" }), staffCookie))));
      expect(r.status).toBe(302);
    });

    it("30 days before adoption: saved without a question", async () => {
      const r = await outcome(() => staffNew.action(args(formRequest("/gestione/incontri/nuovo", conferenza(30), staffCookie))));
      expect(r.status).toBe(302);
    });
  });
});

describe("documents", () => {
  const p = () => ({ id: String(meetingId) });

  it("a PDF is uploaded and downloaded with its type, as an attachment", async () => {
    const r = await outcome(() => staffEdit.action(args(uploadRequest(meetingId, multipart("----routeTestBoundary", "Ordine del giorno", "odg.pdf", TINY_PDF), staffCookie), p())));
    expect(r.status).toBe(302);
    const doc = db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId)).get()!;
    const res = (await download.loader(args(getRequest(`/incontri/${meetingId}/documenti/${doc.id}`), { id: String(meetingId), docId: String(doc.id) }))) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(TINY_PDF)).toBe(true);
    expect(uploads).toBeTruthy();
  });

  it("a .exe renamed .pdf: 415 with the Italian message key, the title kept", async () => {
    const r = await outcome(() => staffEdit.action(args(uploadRequest(meetingId, multipart("----routeTestBoundary", "Programma", "programma.pdf", FAKE_EXE), staffCookie), p())));
    expect(r.status).toBe(415);
    expect(r.body).toMatchObject({ panel: "upload", errors: { file: "errors.documentType" }, values: { title: "Programma" } });
  });

  it("50 MB: 413 with the Italian message key", async () => {
    const big = multipart("----routeTestBoundary", "Enorme", "enorme.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(50 * 1024 * 1024)]));
    const r = await outcome(() => staffEdit.action(args(uploadRequest(meetingId, big, staffCookie, { "Content-Length": String(big.length) }), p())));
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ panel: "upload", errors: { file: "errors.documentTooLarge" }, values: { title: "Enorme" } });
  });

  it("a document of another meeting is not served under this one", async () => {
    const doc = db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId)).get()!;
    const r = await outcome(() => download.loader(args(getRequest(`/incontri/999/documenti/${doc.id}`), { id: "999", docId: String(doc.id) })));
    expect(r.status).toBe(404);
  });
});

describe("cancelling, public pages and calendar", () => {
  it("cancel with a reason: live registrants get a message", async () => {
    const person = await registerUser({ name: "Iscritta", email: "iscritta@example.org", password: "password-iscritta" });
    db.insert(registrations).values({ meetingId, userId: person, capacity: "person", status: "confirmed", createdAt: new Date() }).run();
    const missing = await outcome(() => staffEdit.action(args(formRequest(`/gestione/incontri/${meetingId}`, { intent: "cancel", reason: "" }, staffCookie), { id: String(meetingId) })));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ panel: "cancel", errors: { reason: "errors.cancelReason" } });
    const r = await outcome(() =>
      staffEdit.action(args(formRequest(`/gestione/incontri/${meetingId}`, { intent: "cancel", reason: "Sala non disponibile" }, staffCookie), { id: String(meetingId) })),
    );
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/gestione/incontri/${meetingId}?ok=cancelled&n=1`);
    const messages = db.select().from(outbox).where(eq(outbox.userId, person)).all();
    expect(messages.map((m) => m.kind)).toEqual(["meeting.cancelled"]);
    expect(messages[0].body).toContain("Sala non disponibile");
  });

  it("the public list and page load without a session", async () => {
    const list = await outcome(() => publicList.loader(args(getRequest("/incontri?kind=tavolo_territoriale&zone=sud-ovest&when=nonsense&page=abc"))));
    expect(list.status).toBe(200);
    const listBody = list.body as Awaited<ReturnType<typeof publicList.loader>>;
    expect(listBody.rows.every((r) => r.kind === "tavolo_territoriale" && r.zoneId === "sud-ovest")).toBe(true);
    const page = await outcome(() => publicPage.loader(args(getRequest(`/incontri/${meetingId}`), { id: String(meetingId) })));
    expect(page.status).toBe(200);
    expect((page.body as Awaited<ReturnType<typeof publicPage.loader>>).meeting.status).toBe("cancelled");
    expect((await outcome(() => publicPage.loader(args(getRequest("/incontri/abc"), { id: "abc" })))).status).toBe(404);
  });

  it("the .ics of a meeting and the feed are iCalendar files", async () => {
    const one = (await meetingIcs.loader(args(getRequest(`/incontri/${meetingId}/calendario.ics`), { id: String(meetingId) }))) as Response;
    expect(one.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await one.text();
    expect(text).toContain("DTSTART:20270310T163000Z");
    expect(text).toContain("STATUS:CANCELLED");
    const feed = (await feedIcs.loader(args(getRequest("/incontri/calendario.ics")))) as Response;
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  });
});
