// Calls the account and staff routes' loaders and actions directly, as the server would.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { registerUser } from "~/domain/accounts/users.server";
import { findOrganizationBySlug, requestMembership } from "~/domain/accounts/organizations.server";
import * as login from "~/routes/accedi";
import * as register from "~/routes/registrati";
import * as memberships from "~/routes/gestione.adesioni";
import * as staffHome from "~/routes/gestione._index";
import * as usersAdmin from "~/routes/gestione.utenti";
import * as account from "~/routes/account._index";
import * as accountData from "~/routes/account.dati";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type ActionArgs = Parameters<typeof login.action>[0];
const args = (request: Request, address = "10.0.0.1") => ({ request, params: {}, context: { clientAddress: address } }) as unknown as ActionArgs;

let participantCookie: string;
let staffCookie: string;
let membershipId: number;

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante", email: "p@example.org", password: "password-partecipante" });
  const staff = await registerUser({ name: "Staff", email: "s@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staff);
  membershipId = (await requestMembership({ userId: participant, organizationId: findOrganizationBySlug(db, "comune-di-rho")!.id }))!;
});

describe("authorization on the server", () => {
  const staffOnly = [
    { name: "memberships loader", run: (c?: string) => memberships.loader(args(getRequest("/gestione/adesioni", c))) },
    {
      name: "memberships action (approve)",
      run: (c?: string) =>
        memberships.action(args(formRequest("/gestione/adesioni", { membershipId: String(membershipId), decision: "approved" }, c))),
    },
    { name: "staff home loader", run: (c?: string) => staffHome.loader(args(getRequest("/gestione", c))) },
    { name: "users loader", run: (c?: string) => usersAdmin.loader(args(getRequest("/gestione/utenti", c))) },
    { name: "users action (change role)", run: (c?: string) => usersAdmin.action(args(formRequest("/gestione/utenti", { userId: "x", role: "admin" }, c))) },
  ];
  for (const route of staffOnly) {
    it(`${route.name}: a participant gets 403`, async () => {
      expect((await outcome(() => route.run(participantCookie))).status).toBe(403);
    });
    it(`${route.name}: an anonymous user is sent to log in`, async () => {
      const result = await outcome(() => route.run());
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione/);
    });
  }

  it("staff may not change roles (admin only)", async () => {
    expect((await outcome(() => usersAdmin.action(args(formRequest("/gestione/utenti", { userId: "x", role: "admin" }, staffCookie))))).status).toBe(403);
  });

  it("the account page and the data export need a session", async () => {
    expect((await outcome(() => account.loader(args(getRequest("/account"))))).location).toBe("/accedi?redirectTo=%2Faccount");
    expect((await outcome(() => accountData.loader(args(getRequest("/account/dati"))))).status).toBe(302);
  });

  it("staff approve a request; deciding it twice is a 409 with a message", async () => {
    const first = await outcome(() =>
      memberships.action(args(formRequest("/gestione/adesioni", { membershipId: String(membershipId), decision: "approved" }, staffCookie))),
    );
    expect(first.status).toBe(302);
    const again = await outcome(() =>
      memberships.action(args(formRequest("/gestione/adesioni", { membershipId: String(membershipId), decision: "refused" }, staffCookie))),
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ errors: { form: "errors.membershipNotPending" } });
  });

  it("a malformed decision is a 400, not a 500", async () => {
    const bad = await outcome(() => memberships.action(args(formRequest("/gestione/adesioni", { membershipId: "abc", decision: "boh" }, staffCookie))));
    expect(bad.status).toBe(400);
  });
});

describe("log-in", () => {
  it("answers wrong credentials the same way whether or not the e-mail exists, and keeps the e-mail typed", async () => {
    const known = await outcome(() => login.action(args(formRequest("/accedi", { email: "p@example.org", password: "sbagliata" }), "10.0.0.2")));
    const unknown = await outcome(() => login.action(args(formRequest("/accedi", { email: "x@example.org", password: "sbagliata" }), "10.0.0.2")));
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(known.body).toEqual({ ok: false, values: { email: "p@example.org" }, errors: { form: "login.invalid" } });
    expect(unknown.body).toEqual({ ok: false, values: { email: "x@example.org" }, errors: { form: "login.invalid" } });
  });

  it("is throttled per account after 5 failures (429), even with the right password", async () => {
    await registerUser({ name: "Bersaglio", email: "bersaglio@example.org", password: "password-giusta" });
    for (let i = 0; i < 5; i++) {
      const r = await outcome(() => login.action(args(formRequest("/accedi", { email: "bersaglio@example.org", password: `no-${i}` }), `10.1.0.${i}`)));
      expect(r.status).toBe(401);
    }
    const blocked = await outcome(() =>
      login.action(args(formRequest("/accedi", { email: "bersaglio@example.org", password: "password-giusta" }), "10.1.0.99")),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ errors: { form: "login.throttled" } });
  });

  it("is throttled per address after 30 failures across accounts", async () => {
    for (let i = 0; i < 30; i++) {
      await outcome(() => login.action(args(formRequest("/accedi", { email: `a${i}@example.org`, password: "x" }), "10.9.9.9")));
    }
    const blocked = await outcome(() => login.action(args(formRequest("/accedi", { email: "p@example.org", password: "password-partecipante" }), "10.9.9.9")));
    expect(blocked.status).toBe(429);
    const elsewhere = await outcome(() =>
      login.action(args(formRequest("/accedi", { email: "p@example.org", password: "password-partecipante" }), "10.9.9.10")),
    );
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.setCookie).toMatch(/^concerta_session=[^;]+;.*HttpOnly/i);
    expect(elsewhere.setCookie).toMatch(/SameSite=Lax/i);
  });

  it("only redirects to same-site paths after log-in", async () => {
    const r = await outcome(() =>
      login.action(args(formRequest("/accedi", { email: "p@example.org", password: "password-partecipante", redirectTo: "//evil.example/x" }), "10.0.0.3")),
    );
    expect(r.location).toBe("/account");
  });
});

describe("registration", () => {
  it("returns field errors in Italian catalogue keys and never echoes passwords", async () => {
    const r = await outcome(() =>
      register.action(args(formRequest("/registrati", { name: "A", email: "non-una-mail", password: "corta", passwordConfirm: "diversa" }))),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      values: { name: "A", email: "non-una-mail" },
      errors: { name: "errors.name", email: "errors.email", password: "errors.password", privacy: "errors.privacy" },
    });
    expect(JSON.stringify(r.body)).not.toContain("corta");
  });

  it("creates the account with consent and signs in", async () => {
    const r = await outcome(() =>
      register.action(
        args(formRequest("/registrati", { name: "Nuova Persona", email: "nuova@example.org", password: "password-nuova-1", passwordConfirm: "password-nuova-1", privacy: "on" })),
      ),
    );
    expect(r.status).toBe(302);
    expect(r.location).toBe("/account?ok=registered");
    expect(r.setCookie).toMatch(/^concerta_session=/);
  });
});
