import type { Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { approveMembership, createUser, e2eDb } from "./fixtures/db";
import { createTestMeeting, insertRegistration, outboxKinds, pageAs, registrationRows } from "./fixtures/registrations";

const panel = (page: Page) => page.locator("section.registration-panel");

/** Submits the panel's form as a browser without JavaScript would, with a value the page does not offer. */
async function postRegistration(page: Page, meetingId: number, choice: string) {
  await page.evaluate(
    ({ meetingId, choice }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = `/incontri/${meetingId}?index`;
      for (const [name, value] of Object.entries({ intent: "register", choice })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { meetingId, choice },
  );
  await page.waitForLoadState("load");
}

test("the officer of Comune di Rho registers it for the Nord Ovest table; the Sud Est table refuses it as a comune", async ({ page, login }) => {
  const officer = await login({ name: "Ufficio tecnico di Rho" });
  const rho = approveMembership(officer.id, "comune-di-rho");
  const nordOvest = createTestMeeting({ title: "Tavolo territoriale — Nord Ovest", kind: "tavolo_territoriale", zoneId: "nord-ovest", capacity: 40 });
  const sudEst = createTestMeeting({ title: "Tavolo territoriale — Sud Est", kind: "tavolo_territoriale", zoneId: "sud-est", capacity: 40 });

  await page.goto(`/incontri/${nordOvest.id}`);
  await expect(page.getByRole("heading", { level: 1, name: nordOvest.title })).toBeVisible();
  await panel(page).getByLabel("Comune di Rho — come Comune").check();
  await panel(page).getByRole("button", { name: "Iscriviti" }).click();
  await expect(panel(page).getByRole("status")).toHaveText("Iscrizione confermata. Trovi il messaggio di conferma nel tuo account.");
  await expect(panel(page)).toContainText("La tua iscrizione per Comune di Rho è confermata (come Comune).");
  expect(registrationRows(nordOvest.id)).toEqual([expect.objectContaining({ userId: officer.id, organizationId: rho.id, capacity: "comune", status: "confirmed" })]);
  expect(outboxKinds(officer.id)).toEqual([expect.objectContaining({ kind: "registration.confirmed", link: `/incontri/${nordOvest.id}` })]);

  // At the Sud Est table the panel says beforehand why Rho cannot register as a comune…
  const reason =
    "Comune di Rho non può iscriversi come Comune al tavolo territoriale della zona Sud Est: fa parte della zona Nord Ovest. A questo tavolo si iscrivono come Comuni solo i Comuni della zona Sud Est.";
  await page.goto(`/incontri/${sudEst.id}`);
  await expect(panel(page).getByRole("heading", { name: "Iscrizioni non possibili" })).toBeVisible();
  await expect(panel(page).getByText(reason)).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "Iscriviti" })).toHaveCount(0);

  // …and trying anyway (a form posted without the page's help) is refused with the same message.
  await postRegistration(page, sudEst.id, String(rho.id));
  await expect(panel(page).getByRole("alert")).toContainText(`Iscrizione non riuscita. ${reason}`);
  expect(registrationRows(sudEst.id)).toEqual([]);
});

test("a capacity-2 meeting puts the third registrant on the waiting list and promotes them when one cancels", async ({ browser, baseURL }) => {
  const meeting = createTestMeeting({ title: "Incontro con 2 posti", kind: "presentazione", capacity: 2 });
  const people = ["Prima Persona", "Seconda Persona", "Terza Persona"].map((name) => createUser({ name }));
  const pages = await Promise.all(people.map((p) => pageAs(browser, baseURL!, p.id)));
  const [first, second, third] = pages.map((p) => p.page);

  for (const p of [first, second]) {
    await p.goto(`/incontri/${meeting.id}`);
    await panel(p).getByRole("button", { name: "Iscriviti" }).click();
    await expect(panel(p)).toContainText("La tua iscrizione è confermata (a titolo personale).");
  }
  await third.goto(`/incontri/${meeting.id}`);
  await expect(panel(third)).toContainText("Posti: 2 — liberi: 0.");
  await expect(panel(third)).toContainText("I posti sono esauriti");
  await panel(third).getByRole("button", { name: "Iscriviti alla lista d'attesa" }).click();
  await expect(panel(third).getByRole("status")).toContainText("la tua iscrizione è in lista d'attesa");
  await expect(panel(third)).toContainText("Sei in lista d'attesa (posizione 1).");

  await first.reload();
  await panel(first).getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(panel(first).getByRole("status")).toHaveText("Iscrizione annullata.");
  await expect(panel(first).getByRole("button", { name: "Iscriviti" })).toBeVisible();

  await third.reload();
  await expect(panel(third)).toContainText("La tua iscrizione è confermata (a titolo personale).");
  expect(outboxKinds(people[2].id).map((m) => m.kind)).toEqual(["registration.waitlisted", "registration.promoted"]);
  await third.goto("/account");
  const mine = third.locator("section", { has: third.getByRole("heading", { name: "Le mie iscrizioni" }) });
  await expect(mine.getByRole("listitem").filter({ hasText: meeting.title })).toContainText("Confermata");
  await expect(third.getByRole("link", { name: `Si è liberato un posto: ${meeting.title}` })).toBeVisible();
  for (const p of pages) await p.context.close();
});

test("a registration refused because another member registered the organization meanwhile says so and keeps the choice", async ({ browser, baseURL }) => {
  const table = createTestMeeting({ title: "Tavolo territoriale — Nord Ovest, doppio", kind: "tavolo_territoriale", zoneId: "nord-ovest" });
  const [a, b] = [createUser({ name: "Referente A" }), createUser({ name: "Referente B" })];
  approveMembership(a.id, "comune-di-rho");
  approveMembership(b.id, "comune-di-rho");
  const pa = await pageAs(browser, baseURL!, a.id);
  const pb = await pageAs(browser, baseURL!, b.id);
  await pa.page.goto(`/incontri/${table.id}`);
  await pb.page.goto(`/incontri/${table.id}`);
  await panel(pa.page).getByLabel("Comune di Rho — come Comune").check();
  await panel(pb.page).getByLabel("Comune di Rho — come Comune").check();
  await panel(pa.page).getByRole("button", { name: "Iscriviti" }).click();
  await expect(panel(pa.page).getByRole("status")).toBeVisible();
  await panel(pb.page).getByRole("button", { name: "Iscriviti" }).click();
  await expect(panel(pb.page).getByRole("alert")).toContainText("Comune di Rho ha già un'iscrizione attiva a questo incontro");
  await expect(panel(pb.page).getByLabel("Comune di Rho — come Comune")).toBeChecked();
  // On the next visit the panel lists Rho among the registrations not possible, with the reason.
  await pb.page.reload();
  await expect(panel(pb.page).locator(".refusals")).toContainText("Comune di Rho: Comune di Rho ha già un'iscrizione attiva");
  expect(registrationRows(table.id)).toHaveLength(1);
  await pa.context.close();
  await pb.context.close();
});

test("staff see the counts, mark attendance, cancel a registration and download the CSV", async ({ page, login }) => {
  const table = createTestMeeting({ title: "Tavolo territoriale — Nord Ovest, presenze", kind: "tavolo_territoriale", zoneId: "nord-ovest", allowObservers: true });
  const rhoOfficer = createUser({ name: "Niccolò Ferrè" });
  const pero = createUser({ name: "Ufficio di Pero" });
  const observer = createUser({ name: "Osservatrice Legambiente" });
  approveMembership(rhoOfficer.id, "comune-di-rho");
  insertRegistration({ meetingId: table.id, userId: rhoOfficer.id, organizationSlug: "comune-di-rho" });
  insertRegistration({ meetingId: table.id, userId: pero.id, organizationSlug: "comune-di-pero" });
  insertRegistration({ meetingId: table.id, userId: observer.id, organizationSlug: "legambiente-lombardia", capacity: "observer" });
  await login({ role: "staff" });

  await page.goto(`/gestione/incontri/${table.id}/iscrizioni`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(table.title);
  await expect(page.getByText("Confermate: 3 — in lista d'attesa: 0 — presenti: 0")).toBeVisible();
  const byZone = page.getByRole("table", { name: "Per zona omogenea" });
  await expect(byZone.getByRole("row", { name: /Nord Ovest/ })).toContainText("2");
  await expect(byZone.getByRole("row", { name: /non Comuni/ })).toContainText("1");
  await expect(page.getByRole("table", { name: "Per tipo di partecipante" }).getByRole("row", { name: /Associazione/ })).toContainText("1");
  await expect(page.getByRole("heading", { name: "Comuni della zona non iscritti (14)" })).toBeVisible();

  const attendance = page.getByRole("group", { name: "Presenza di Niccolò Ferrè" });
  await attendance.getByRole("button", { name: "Presente" }).click();
  await expect(page.getByRole("status")).toHaveText("Presenza registrata.");
  await expect(page.getByRole("group", { name: "Presenza di Niccolò Ferrè" }).getByRole("button", { name: "Presente" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Confermate: 3 — in lista d'attesa: 0 — presenti: 1")).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Annulla l'iscrizione di Ufficio di Pero" }).click();
  await expect(page.getByRole("status")).toContainText("Iscrizione annullata");
  await expect(page.getByRole("heading", { name: "Comuni della zona non iscritti (15)" })).toBeVisible();
  expect(outboxKinds(pero.id).map((m) => m.kind)).toEqual(["registration.cancelled"]);

  for (const [name, separator] of [
    ["Scarica CSV", ","],
    ["Scarica CSV con punto e virgola (Excel in italiano)", ";"],
  ] as const) {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`iscrizioni-incontro-${table.id}.csv`);
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain(["Niccolò Ferrè", rhoOfficer.email, "Comune di Rho", "Comune", "Nord Ovest"].join(separator));
    expect(text).not.toContain("Ufficio di Pero");
  }
});

test("only staff see registrations: a participant gets 403, an anonymous visitor is sent to log in", async ({ page, login, request }) => {
  const meeting = createTestMeeting({ title: "Incontro riservato", kind: "altro" });
  const anonymous = await request.get(`/gestione/incontri/${meeting.id}/iscrizioni`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers()["location"]).toBe(`/accedi?redirectTo=${encodeURIComponent(`/gestione/incontri/${meeting.id}/iscrizioni`)}`);
  await login();
  for (const path of [`/gestione/incontri/${meeting.id}/iscrizioni`, `/gestione/incontri/${meeting.id}/inviti`, `/gestione/incontri/${meeting.id}/iscrizioni.csv`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
  }
  const response = await page.goto(`/gestione/incontri/${meeting.id}/iscrizioni`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Non hai i permessi")).toBeVisible();
});

test("staff invite all comuni to a conferenza istruttoria; the officer of Rho sees the invitation on the account page", async ({ page, login, browser, baseURL }) => {
  const conference = createTestMeeting({ title: "Conferenza istruttoria", kind: "conferenza_istruttoria", startsInDays: 30 });
  const officer = createUser({ name: "Referente di Rho" });
  approveMembership(officer.id, "comune-di-rho");
  await login({ role: "staff" });

  await page.goto(`/gestione/incontri/${conference.id}/inviti`);
  await page.getByRole("button", { name: "Invita tutti i Comuni" }).click();
  await expect(page.getByRole("status")).toHaveText("Comuni invitati: 133 nuovi inviti.");
  await expect(page.getByRole("heading", { name: "Organizzazioni invitate (133)" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Comune di Rho/ })).toContainText("Nord Ovest");
  await page.getByLabel("Organizzazione da invitare").selectOption({ label: "Legambiente Lombardia" });
  await page.getByRole("button", { name: "Invita", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Invito aggiunto.");
  await expect(page.getByRole("heading", { name: "Organizzazioni invitate (134)" })).toBeVisible();

  // A territorial table has no invitations: the page says so.
  const table = createTestMeeting({ title: "Tavolo senza inviti", kind: "tavolo_territoriale", zoneId: "sud-est" });
  await page.goto(`/gestione/incontri/${table.id}/inviti`);
  await expect(page.getByText("Gli inviti si usano solo per la conferenza istruttoria.")).toBeVisible();

  const o = await pageAs(browser, baseURL!, officer.id);
  await o.page.goto("/account");
  const invitations = o.page.locator("section", { has: o.page.getByRole("heading", { name: "Inviti" }) });
  await expect(invitations.getByRole("link", { name: conference.title })).toBeVisible();
  await expect(invitations).toContainText("Invito per Comune di Rho");
  await expect(invitations).toContainText("non ancora iscritta");
  await invitations.getByRole("link", { name: conference.title }).click();
  await expect(panel(o.page)).toContainText("Invitati a questa conferenza: Comune di Rho.");
  await o.context.close();
});

test.describe("accessibility of the registration pages", () => {
  for (const lang of ["it", "en"] as const) {
    test(`no axe violations (${lang})`, async ({ page, login, browser, baseURL }) => {
      test.setTimeout(60_000);
      const open = createTestMeeting({ title: "Incontro accessibile", kind: "presentazione", capacity: 1 });
      const sudEst = createTestMeeting({ title: "Tavolo Sud Est accessibile", kind: "tavolo_territoriale", zoneId: "sud-est" });
      const conference = createTestMeeting({ title: "Conferenza accessibile", kind: "conferenza_istruttoria" });
      const choose = async (p: Page) => {
        await p.goto("/");
        if (lang === "en") await switchLanguage(p, "en");
      };

      // Anonymous.
      await choose(page);
      await page.goto(`/incontri/${open.id}`);
      await expect(panel(page).getByRole("link", { name: lang === "it" ? "Accedi per iscriverti" : "Log in to register" })).toHaveAttribute(
        "href",
        `/accedi?redirectTo=${encodeURIComponent(`/incontri/${open.id}`)}`,
      );
      await expectNoA11yViolations(page, `panel, anonymous (${lang})`);

      // Signed in, can register; then registered.
      const officer = await login({ name: "Referente accessibile" });
      approveMembership(officer.id, "comune-di-rho");
      await page.goto(`/incontri/${open.id}`);
      await expect(panel(page).getByRole("radio")).toHaveCount(2);
      await expectNoA11yViolations(page, `panel, can register (${lang})`);
      await panel(page).getByRole("radio").first().check();
      await panel(page).locator("button[type=submit]").click();
      await expect(panel(page).getByRole("status")).toBeVisible();
      await expectNoA11yViolations(page, `panel, registered (${lang})`);

      // Refused: the reasons listed, and the alert after a refused attempt.
      await page.goto(`/incontri/${sudEst.id}`);
      await expect(panel(page).locator(".refusals li")).toHaveCount(2);
      await expectNoA11yViolations(page, `panel, refusals listed (${lang})`);
      const rhoId = (e2eDb().prepare("select id from organizations where slug = 'comune-di-rho'").get() as { id: number }).id;
      await postRegistration(page, sudEst.id, String(rhoId));
      await expect(panel(page).getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page, `panel, refused message (${lang})`);

      // Waitlisted.
      const other = createUser({ name: "In attesa" });
      const w = await pageAs(browser, baseURL!, other.id);
      await choose(w.page);
      await w.page.goto(`/incontri/${open.id}`);
      await panel(w.page).locator("button[type=submit]").click();
      await expect(panel(w.page)).toContainText(lang === "it" ? "posizione 1" : "position 1");
      await expectNoA11yViolations(w.page, `panel, waitlisted (${lang})`);
      await w.context.close();

      // Staff pages, with data in them; then the account page with a registration and an invitation.
      const staff = createUser({ role: "staff", name: "Staff accessibile" });
      const s = await pageAs(browser, baseURL!, staff.id);
      await choose(s.page);
      await s.page.goto(`/gestione/incontri/${open.id}/iscrizioni`);
      await expect(s.page.getByRole("group").first()).toBeVisible();
      await expectNoA11yViolations(s.page, `/gestione/incontri/ID/iscrizioni (${lang})`);
      await s.page.goto(`/gestione/incontri/${conference.id}/inviti`);
      await s.page.locator("main form button[type=submit]").first().click();
      await expect(s.page.getByRole("status")).toBeVisible();
      await expectNoA11yViolations(s.page, `/gestione/incontri/ID/inviti (${lang})`);
      await s.context.close();

      await page.goto("/account");
      await expect(page.locator("section:has(#my-registrations) li").first()).toBeVisible();
      await expect(page.locator("section:has(#my-invitations) li").first()).toBeVisible();
      await expectNoA11yViolations(page, `/account with registrations and invitations (${lang})`);
    });
  }
});
