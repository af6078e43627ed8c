import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { addDays, romeToUtc } from "~/lib/dates";
import { registerUser } from "~/domain/accounts/users.server";
import { auditEntries, meetings, phases, processes, processStrategies } from "~db/schema";
import { seedReference } from "../../../test/db";
import { currentPhase } from "./timeline";
import {
  addPhase,
  art7bisIssuesFor,
  createProcess,
  deletePhase,
  FIRST_PROCESS_SLUG,
  getProcessById,
  getProcessBySlug,
  listProcesses,
  movePhase,
  updatePhase,
  updateProcess,
  type ProcessInput,
} from "./processes.server";

let staffId: string;

beforeAll(async () => {
  seedReference();
  staffId = await registerUser({ name: "Staff", email: "staff-processi@example.org", password: "password-dello-staff", role: "staff" });
});

const ADOPTION = "2027-06-30";

function input(overrides: Partial<ProcessInput> = {}): ProcessInput {
  return {
    title: "Revisione della STTM 2",
    description: "Aggiornamento *incrementale* della strategia.",
    status: "active",
    draftPublicDate: null,
    plannedAdoptionDate: ADOPTION,
    strategyCodes: ["STTM2"],
    moderationMode: "pre",
    flagThreshold: 3,
    ...overrides,
  };
}

function auditOf(action: string, subjectId: number) {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.subjectId, String(subjectId))))
    .all();
}

async function newProcess(overrides: Partial<ProcessInput> = {}) {
  const result = await createProcess(staffId, input(overrides));
  if (result.status !== "saved") throw new Error("expected the process to be saved");
  return result;
}

describe("the seeded process", () => {
  it("has the 5 milestones of ptm.json in order, month precision for the two ranges, and concerns the 3 STTM", async () => {
    const process = await getProcessBySlug(FIRST_PROCESS_SLUG);
    expect(process?.title).toBe("Redazione delle prime 3 STTM");
    expect(process?.strategies.map((s) => s.code)).toEqual(["STTM1", "STTM2", "STTM3"]);
    expect(process?.phases.map((p) => [p.position, p.kind, p.precision, p.startDate, p.endDate])).toEqual([
      [0, "avvio", "day", "2022-04-14", null],
      [1, "kickoff", "day", "2022-05-24", null],
      [2, "tavolo_comuni", "month", "2022-10-01", "2022-11-30"],
      [3, "presentazione", "day", "2022-12-05", null],
      [4, "tavolo_territoriale", "month", "2023-01-01", "2023-02-28"],
    ]);
  });

  it("its current phase comes from the stored dates (fixed clock)", async () => {
    const process = (await getProcessBySlug(FIRST_PROCESS_SLUG))!;
    const at = (iso: string) => {
      const { current } = currentPhase(process.phases, new Date(iso));
      return current === null ? null : process.phases[current].kind;
    };
    expect(at("2022-10-15T10:00:00Z")).toBe("tavolo_comuni");
    expect(at("2022-12-04T23:30:00Z")).toBe("presentazione");
    expect(at("2026-11-25T12:00:00Z")).toBeNull();
  });

  it("is listed publicly; a draft process only for staff", async () => {
    const draft = await newProcess({ title: "Processo in preparazione", status: "draft" });
    expect((await listProcesses()).map((p) => p.slug)).toContain(FIRST_PROCESS_SLUG);
    expect((await listProcesses()).map((p) => p.id)).not.toContain(draft.id);
    expect((await listProcesses({ includeDrafts: true })).map((p) => p.id)).toContain(draft.id);
  });
});

describe("creating and updating a process", () => {
  it("creates with a slug from the title (unique), the STTM concerned and an audit entry", async () => {
    const a = await newProcess({ title: "Città dei 15 minuti: verifica", strategyCodes: ["STTM2", "STTM3"] });
    const b = await newProcess({ title: "Città dei 15 minuti: verifica" });
    expect(a.slug).toBe("citta-dei-15-minuti-verifica");
    expect(b.slug).toBe("citta-dei-15-minuti-verifica-2");
    const saved = await getProcessById(a.id);
    expect(saved?.strategies.map((s) => s.code)).toEqual(["STTM2", "STTM3"]);
    expect(saved?.createdBy).toBe(staffId);
    expect(auditOf("process.created", a.id)).toHaveLength(1);
  });

  it("a draft public 60 days before adoption triggers the 90-day rule and writes nothing; confirmed, it saves and audits", async () => {
    const { id } = await newProcess();
    const auditCount = db.select().from(auditEntries).all().length;
    const draftPublicDate = addDays(ADOPTION, -60);

    const refused = await updateProcess(staffId, id, input({ title: "Titolo cambiato", draftPublicDate }));
    expect(refused).toEqual({ status: "needsConfirmation", issues: [{ rule: "draft_90_days", days: 60, draftPublicDate }] });
    const unchanged = await getProcessById(id);
    expect(unchanged?.title).toBe("Revisione della STTM 2");
    expect(unchanged?.draftPublicDate).toBeNull();
    expect(db.select().from(auditEntries).all()).toHaveLength(auditCount);

    const saved = await updateProcess(staffId, id, input({ title: "Titolo cambiato", draftPublicDate }), { confirm: true });
    expect(saved).toEqual({ status: "saved" });
    const after = await getProcessById(id);
    expect(after?.title).toBe("Titolo cambiato");
    expect(after?.draftPublicDate).toBe(draftPublicDate);
    expect(after?.rulesOverride).toMatchObject({ issues: [{ rule: "draft_90_days", days: 60 }], confirmedBy: staffId });
    expect(auditOf("process.updated", id)).toHaveLength(1);
    const [confirmed] = auditOf("process.rules_confirmed", id);
    expect(confirmed.actorId).toBe(staffId);
    expect(JSON.parse(confirmed.after!)).toMatchObject({ issues: [{ rule: "draft_90_days", days: 60, draftPublicDate }] });

    // Saving again with the same, already confirmed dates does not ask again…
    expect(await updateProcess(staffId, id, input({ title: "Altro titolo", draftPublicDate }))).toEqual({ status: "saved" });
    // …a different breach does; conforming dates clear the override.
    expect((await updateProcess(staffId, id, input({ draftPublicDate: addDays(ADOPTION, -30) })))?.status).toBe("needsConfirmation");
    await updateProcess(staffId, id, input({ draftPublicDate: addDays(ADOPTION, -90) }));
    expect((await getProcessById(id))?.rulesOverride).toBeNull();
  });

  it("creating with a non-conforming draft date also needs confirmation", async () => {
    const before = db.select().from(processes).all().length;
    const result = await createProcess(staffId, input({ title: "Da confermare", draftPublicDate: addDays(ADOPTION, -60) }));
    expect(result.status).toBe("needsConfirmation");
    expect(db.select().from(processes).all()).toHaveLength(before);
    const confirmed = await createProcess(staffId, input({ title: "Da confermare", draftPublicDate: addDays(ADOPTION, -60) }), { confirm: true });
    expect(confirmed.status).toBe("saved");
    if (confirmed.status === "saved") expect(auditOf("process.rules_confirmed", confirmed.id)).toHaveLength(1);
  });

  it("a conferenza istruttoria 70 days before adoption yields the 60-day issue; cancelled or excluded meetings do not count", async () => {
    const { id } = await newProcess({ draftPublicDate: addDays(ADOPTION, -120) });
    const conferenceDate = addDays(ADOPTION, -70);
    const meeting = db
      .insert(meetings)
      .values({
        processId: id,
        kind: "conferenza_istruttoria",
        title: "Conferenza istruttoria",
        // 00:30 in Rome is still the previous day in UTC: the Rome date must count.
        startsAt: romeToUtc(conferenceDate, "00:30"),
        endsAt: romeToUtc(conferenceDate, "02:00"),
      })
      .returning()
      .get();
    expect(art7bisIssuesFor(id)).toEqual([{ rule: "conference_60_days", days: 70, conferenceDate }]);
    // The meetings capability checks a new date before saving it.
    expect(art7bisIssuesFor(id, { excludeMeetingIds: [meeting.id], extraConferenceDates: [addDays(ADOPTION, -30)] })).toEqual([]);
    // Moving the adoption date 20 days earlier brings the conference within the 60 days.
    expect(art7bisIssuesFor(id, { plannedAdoptionDate: addDays(ADOPTION, -20) })).toEqual([]);
    expect((await updateProcess(staffId, id, input({ draftPublicDate: addDays(ADOPTION, -120) })))?.status).toBe("needsConfirmation");

    db.update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, meeting.id)).run();
    expect(art7bisIssuesFor(id)).toEqual([]);
  });

  it("updates in one transaction: a failing write leaves the process and the audit log untouched", async () => {
    const { id } = await newProcess();
    const auditCount = db.select().from(auditEntries).all().length;
    // An STTM that does not exist violates the foreign key after the process row was updated.
    await expect(updateProcess(staffId, id, input({ title: "Non deve restare", strategyCodes: ["STTM9"] }))).rejects.toThrow();
    const after = await getProcessById(id);
    expect(after?.title).toBe("Revisione della STTM 2");
    expect(db.select().from(processStrategies).where(eq(processStrategies.processId, id)).all()).toEqual([{ processId: id, strategyCode: "STTM2" }]);
    expect(db.select().from(auditEntries).all()).toHaveLength(auditCount);
  });

  it("returns null for a process that does not exist", async () => {
    expect(await updateProcess(staffId, 999_999, input())).toBeNull();
  });
});

describe("phases", () => {
  const phase = (title: string, startDate: string) => ({ kind: null, title, description: "", startDate, endDate: null, precision: "day" as const });
  const positions = (processId: number) =>
    db
      .select({ title: phases.title, position: phases.position })
      .from(phases)
      .where(eq(phases.processId, processId))
      .orderBy(phases.position)
      .all();

  it("are added at the end, moved up and down and deleted with contiguous positions, each audited", async () => {
    const { id } = await newProcess({ title: "Processo con fasi" });
    const a = (await addPhase(staffId, id, phase("A", "2027-01-10")))!;
    const b = (await addPhase(staffId, id, phase("B", "2027-02-10")))!;
    const c = (await addPhase(staffId, id, phase("C", "2027-03-10")))!;
    expect(positions(id)).toEqual([
      { title: "A", position: 0 },
      { title: "B", position: 1 },
      { title: "C", position: 2 },
    ]);

    await movePhase(staffId, id, c, "up");
    expect(positions(id).map((p) => p.title)).toEqual(["A", "C", "B"]);
    await movePhase(staffId, id, a, "up"); // already first: nothing changes
    await movePhase(staffId, id, a, "down");
    expect(positions(id)).toEqual([
      { title: "C", position: 0 },
      { title: "A", position: 1 },
      { title: "B", position: 2 },
    ]);

    await deletePhase(staffId, id, c);
    expect(positions(id)).toEqual([
      { title: "A", position: 0 },
      { title: "B", position: 1 },
    ]);
    expect(auditOf("phase.created", b)).toHaveLength(1);
    expect(auditOf("phase.moved", a)).toHaveLength(1);
    expect(auditOf("phase.deleted", c)).toHaveLength(1);
  });

  it("month precision covers whole months; a phase of another process cannot be touched", async () => {
    const { id } = await newProcess({ title: "Processo mensile" });
    const other = await newProcess({ title: "Altro processo" });
    const p = (await addPhase(staffId, id, { ...phase("Tavoli", "2027-10-15"), precision: "month", endDate: "2027-11-03" }))!;
    const stored = db.select().from(phases).where(eq(phases.id, p)).get();
    expect([stored?.startDate, stored?.endDate]).toEqual(["2027-10-01", "2027-11-30"]);

    expect(await updatePhase(staffId, other.id, p, phase("Rubata", "2027-01-01"))).toBe(false);
    expect(await deletePhase(staffId, other.id, p)).toBe(false);
    expect(await movePhase(staffId, other.id, p, "up")).toBe(false);
    expect(db.select().from(phases).where(eq(phases.id, p)).get()?.title).toBe("Tavoli");

    expect(await updatePhase(staffId, id, p, { ...phase("Tavoli con i Comuni", "2027-10-01"), endDate: "2027-10-20" })).toBe(true);
    const updated = db.select().from(phases).where(eq(phases.id, p)).get();
    expect([updated?.title, updated?.precision, updated?.endDate]).toEqual(["Tavoli con i Comuni", "day", "2027-10-20"]);
    expect(auditOf("phase.updated", p)).toHaveLength(1);
  });
});
