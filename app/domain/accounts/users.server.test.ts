import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { seedReference } from "../../../test/db";
import { memberships, sessions, users } from "~db/schema";
import { lucia } from "./lucia.server";
import { hashSessionId } from "./session-adapter.server";
import { getUser, startSession } from "./session.server";
import { decideMembership, findOrganizationBySlug, requestMembership, organizationsRepresentedBy } from "./organizations.server";
import {
  authenticate,
  changePassword,
  changeRole,
  deleteAccount,
  displayName,
  EmailTakenError,
  exportPersonalData,
  LastAdminError,
  registerUser,
} from "./users.server";

beforeAll(() => {
  seedReference();
});

function cookieHeader(setCookie: string) {
  return setCookie.split(";")[0];
}

describe("registration and log-in", () => {
  it("stores an argon2id hash, the consent date, and a normalised e-mail", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const id = await registerUser({ name: "Anna Verdi", email: "  Anna.Verdi@Example.org ", password: "una-password-lunga", now });
    const row = await db.select().from(users).where(eq(users.id, id)).get();
    expect(row?.email).toBe("anna.verdi@example.org");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("una-password-lunga");
    expect(row?.privacyConsentAt?.toISOString()).toBe(now.toISOString());
    expect(row?.role).toBe("participant");
  });

  it("refuses a second account with the same e-mail, whatever its case", async () => {
    await registerUser({ name: "Primo", email: "doppio@example.org", password: "password-lunga-1" });
    await expect(registerUser({ name: "Secondo", email: "DOPPIO@example.org", password: "password-lunga-2" })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
  });

  it("authenticates the right password only, and says nothing about unknown e-mails", async () => {
    await registerUser({ name: "Bruno", email: "bruno@example.org", password: "password-di-bruno" });
    expect((await authenticate("BRUNO@example.org", "password-di-bruno"))?.name).toBe("Bruno");
    expect(await authenticate("bruno@example.org", "sbagliata")).toBeNull();
    expect(await authenticate("nessuno@example.org", "password-di-bruno")).toBeNull();
  });

  it("changes the password only when the current one is right", async () => {
    const id = await registerUser({ name: "Carla", email: "carla@example.org", password: "vecchia-password" });
    expect(await changePassword(id, "errata-password", "nuova-password-1")).toBe(false);
    expect(await changePassword(id, "vecchia-password", "nuova-password-1")).toBe(true);
    expect(await authenticate("carla@example.org", "vecchia-password")).toBeNull();
    expect(await authenticate("carla@example.org", "nuova-password-1")).not.toBeNull();
  });
});

describe("sessions", () => {
  it("stores only the SHA-256 of the session token", async () => {
    const id = await registerUser({ name: "Dario", email: "dario@example.org", password: "password-di-dario" });
    const cookie = cookieHeader(await startSession(id));
    const token = cookie.split("=")[1];
    const rows = await db.select().from(sessions).where(eq(sessions.userId, id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(hashSessionId(token));
    expect(rows[0].id).not.toBe(token);
    const user = await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect(user?.id).toBe(id);
  });

  it("rejects an expired session and renews one past half its life", async () => {
    const id = await registerUser({ name: "Elena", email: "elena@example.org", password: "password-di-elena" });
    const session = await lucia.createSession(id, {});
    const hashed = hashSessionId(session.id);
    // Close to expiry: lucia extends it and marks it fresh.
    await db.update(sessions).set({ expiresAt: Math.floor(Date.now() / 1000) + 60 }).where(eq(sessions.id, hashed)).run();
    const renewed = await lucia.validateSession(session.id);
    expect(renewed.session?.fresh).toBe(true);
    // Expired: gone.
    await db.update(sessions).set({ expiresAt: Math.floor(Date.now() / 1000) - 60 }).where(eq(sessions.id, hashed)).run();
    const expired = await lucia.validateSession(session.id);
    expect(expired.session).toBeNull();
  });
});

describe("roles", () => {
  it("records a role change in the audit log, and never leaves the platform without an admin", async () => {
    const admin = await registerUser({ name: "Admin Unico", email: "unico@example.org", password: "password-admin", role: "admin" });
    const other = await registerUser({ name: "Futuro Staff", email: "futuro@example.org", password: "password-staff" });
    expect(await changeRole(admin, other, "staff")).toBe(true);
    const audit = sqlite.prepare("select * from audit_entries where subject_id = ? and action = 'user.role_changed'").all(other) as {
      before: string;
      after: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before)).toEqual({ role: "participant" });
    expect(JSON.parse(audit[0].after)).toEqual({ role: "staff" });
    await expect(changeRole(admin, admin, "participant")).rejects.toBeInstanceOf(LastAdminError);
    await expect(deleteAccount(admin)).rejects.toBeInstanceOf(LastAdminError);
  });

  it("keeps the audit log append-only", async () => {
    expect(() => sqlite.prepare("update audit_entries set action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_entries").run()).toThrow(/append-only/);
  });
});

describe("personal data (GDPR)", () => {
  it("exports everything tied to the account", async () => {
    const id = await registerUser({ name: "Franca Neri", email: "franca@example.org", password: "password-franca" });
    const rho = findOrganizationBySlug(db, "comune-di-rho")!;
    await requestMembership({ userId: id, organizationId: rho.id, position: "Assessora", message: "Vorrei rappresentare il Comune" });
    await startSession(id);
    const data = await exportPersonalData(id);
    expect(data?.account).toMatchObject({ email: "franca@example.org", name: "Franca Neri", role: "participant" });
    expect(data?.account.privacyConsent.givenAt).toBeTruthy();
    expect(data?.memberships).toEqual([expect.objectContaining({ organization: "Comune di Rho", status: "pending", position: "Assessora" })]);
    expect(data?.activeSessions).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("erases the person from every table, ends every session, and keeps the record coherent", async () => {
    const email = "giorgio.cancellabile@example.org";
    const name = "Giorgio Cancellabile";
    const staff = await registerUser({ name: "Staff Decisore", email: "decisore@example.org", password: "password-staff", role: "staff" });
    const id = await registerUser({ name, email, password: "password-giorgio" });
    const legambiente = findOrganizationBySlug(db, "legambiente-lombardia")!;
    const membershipId = await requestMembership({
      userId: id,
      organizationId: legambiente.id,
      position: `Volontario ${name}`,
      message: `Scrivetemi a ${email}`,
    });
    await decideMembership({ actorId: staff, membershipId: membershipId!, decision: "approved" });
    await startSession(id);
    await startSession(id);

    await deleteAccount(id);

    // Search every column of every table for the e-mail and the name.
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
    const hits: string[] = [];
    for (const { name: table } of tables) {
      const columns = sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[];
      for (const { name: column } of columns) {
        const found = sqlite
          .prepare(`select count(*) as n from "${table}" where cast("${column}" as text) like ? or cast("${column}" as text) like ?`)
          .get(`%${email}%`, `%${name}%`) as { n: number };
        if (found.n > 0) hits.push(`${table}.${column}`);
      }
    }
    expect(hits).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, id)).all()).toHaveLength(0);

    const row = await db.select().from(users).where(eq(users.id, id)).get();
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(displayName(row)).toBe("utente cancellato");
    expect(await organizationsRepresentedBy(id)).toEqual([]);
    const membership = await db.select().from(memberships).where(eq(memberships.id, membershipId!)).get();
    expect(membership?.status).toBe("revoked");
    // The e-mail is free again.
    await expect(registerUser({ name: "Nuovo Giorgio", email, password: "password-nuova" })).resolves.toBeTruthy();
  });
});

describe("deleting an account with meeting registrations", () => {
  it("frees the seat for a meeting to come and promotes the waiting list", async () => {
    const { register } = await import("~/domain/meetings/registrations.server");
    const leaving = await registerUser({ name: "Chi Se Ne Va", email: "va@example.org", password: "password-chi-va" });
    const waiting = await registerUser({ name: "Chi Aspetta", email: "aspetta@example.org", password: "password-chi-aspetta" });
    const processId = (sqlite.prepare("select id from processes limit 1").get() as { id: number }).id;
    const start = Math.floor(Date.now() / 1000) + 30 * 86400;
    const meetingId = Number(
      sqlite
        .prepare(
          "insert into meetings (process_id, kind, title, starts_at, ends_at, capacity, status, created_at, updated_at) values (?, 'altro', 'Incontro a un posto', ?, ?, 1, 'registration_open', unixepoch(), unixepoch())",
        )
        .run(processId, start, start + 7200).lastInsertRowid,
    );
    expect(await register({ userId: leaving, meetingId })).toMatchObject({ ok: true });
    expect(await register({ userId: waiting, meetingId })).toMatchObject({ ok: true });
    await deleteAccount(leaving);
    const rows = sqlite.prepare("select user_id, status from registrations where meeting_id = ? order by id").all(meetingId);
    expect(rows).toEqual([
      { user_id: leaving, status: "cancelled" },
      { user_id: waiting, status: "confirmed" },
    ]);
  });
});
