import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { romeToUtc } from "~/lib/dates";
import { findOrganizationBySlug } from "~/domain/accounts/organizations.server";
import { createMeeting, transitionMeeting } from "~/domain/meetings/meetings.server";
import { auditEntries, contributionComuni, contributions, contributionZones, meetings, users } from "~db/schema";
import { seedReference } from "../../../test/db";
import { contributionsOfMeeting, createOnBehalf, OnBehalfError } from "./on-behalf.server";

let staffId: string;
let meetingId: number;

beforeAll(async () => {
  seedReference();
  staffId = randomUUID();
  db.insert(users).values({ id: staffId, email: "staff-ob@example.org", name: "Staff", role: "staff" }).run();
  const r = await createMeeting(staffId, {
    title: "Tavolo territoriale — Nord Ovest",
    kind: "tavolo_territoriale",
    processId: null,
    startsAt: romeToUtc("2027-02-10", "17:30"),
    endsAt: romeToUtc("2027-02-10", "19:30"),
    zoneId: "nord-ovest",
    strategyCodes: ["STTM1"],
    venueName: "Sala consiliare",
    venueAddress: null,
    lat: null,
    lon: null,
    onlineUrl: null,
    agenda: "",
    capacity: 40,
    registrationOpensAt: null,
    registrationClosesAt: null,
    allowObservers: false,
  });
  if (r.status !== "saved") throw new Error("meeting not saved");
  meetingId = r.id;
});

describe("contributions entered on behalf of participants", () => {
  const said = { kind: "proposta" as const, title: "Più corse serali sulla S5", body: "Il Comune chiede di potenziare le corse serali della linea S5 verso Milano." };

  it("only after the meeting took place", async () => {
    const rho = findOrganizationBySlug(db, "comune-di-rho")!;
    await expect(createOnBehalf(staffId, meetingId, { organizationId: rho.id, ...said })).rejects.toMatchObject({ key: "errors.onBehalfNotHeld", status: 409 });
  });

  it("is published at once, attributed to the organization, entered by staff, in the meeting's process, with an audit entry", async () => {
    await transitionMeeting(staffId, meetingId, "held");
    const rho = findOrganizationBySlug(db, "comune-di-rho")!;
    const id = await createOnBehalf(staffId, meetingId, { organizationId: rho.id, ...said, strategyCode: "STTM2" });
    expect(id).toBeGreaterThan(0);
    const row = db.select().from(contributions).where(eq(contributions.id, id!)).get()!;
    const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    expect(row).toMatchObject({
      processId: meeting.processId,
      kind: "proposta",
      title: said.title,
      body: said.body,
      organizationId: rho.id,
      comuneIstat: rho.istatCode, // a comune speaks for itself
      authorId: null,
      enteredBy: staffId,
      meetingId,
      status: "published",
      strategyCode: "STTM2",
    });
    expect(row.publishedAt).toBeInstanceOf(Date);
    // Placed on its comune, so the map, the comune/zone filters and the open data find it.
    expect(row).toMatchObject({ placeKind: "comuni", geometry: null });
    expect(row.lon).toBeGreaterThan(9);
    expect(row.minLon).toBeLessThanOrEqual(row.lon!);
    expect(db.select().from(contributionComuni).where(eq(contributionComuni.contributionId, id!)).all().map((r) => r.istat)).toEqual([rho.istatCode]);
    expect(db.select().from(contributionZones).where(eq(contributionZones.contributionId, id!)).all().map((r) => r.zoneId)).toEqual(["nord-ovest"]);
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.action, "contribution.on_behalf"), eq(auditEntries.subjectId, String(id)))).get();
    expect(audit?.actorId).toBe(staffId);

    const list = await contributionsOfMeeting(meetingId);
    expect(list.map((c) => [c.organizationName, c.comuneName, c.title])).toEqual([["Comune di Rho", "Rho", said.title]]);
  });

  it("refuses unknown organizations, comuni and strategies; nothing is written", async () => {
    const before = (await contributionsOfMeeting(meetingId)).length;
    await expect(createOnBehalf(staffId, meetingId, { organizationId: 999_999, ...said })).rejects.toBeInstanceOf(OnBehalfError);
    const rho = findOrganizationBySlug(db, "comune-di-rho")!;
    await expect(createOnBehalf(staffId, meetingId, { organizationId: rho.id, comuneIstat: "999999", ...said })).rejects.toMatchObject({ field: "comuneIstat" });
    await expect(createOnBehalf(staffId, meetingId, { organizationId: rho.id, strategyCode: "STTM9", ...said })).rejects.toMatchObject({ field: "strategyCode" });
    expect((await contributionsOfMeeting(meetingId)).length).toBe(before);
    expect(await createOnBehalf(staffId, 999_999, { organizationId: rho.id, ...said })).toBeNull();
  });
});
