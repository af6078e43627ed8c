import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { e2eDb } from "./fixtures/db";

const SEEDED = "/processi/redazione-prime-3-sttm";

/** Today's date in Rome, and n days from it ("YYYY-MM-DD"). */
function romeDay(n = 0) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A published process whose second phase is in progress today, whatever today is. */
function processAroundToday() {
  const slug = `processo-in-corso-${randomUUID().slice(0, 8)}`;
  const db = e2eDb();
  const { lastInsertRowid } = db
    .prepare("insert into processes (slug, title, description, status, planned_adoption_date) values (?, ?, '', 'active', ?)")
    .run(slug, `Processo in corso ${slug.slice(-8)}`, romeDay(200));
  const insert = db.prepare("insert into phases (process_id, position, title, start_date, end_date, precision) values (?, ?, ?, ?, ?, 'day')");
  insert.run(lastInsertRowid, 0, "Fase conclusa", romeDay(-30), romeDay(-10));
  insert.run(lastInsertRowid, 1, "Fase di oggi", romeDay(-1), romeDay(1));
  insert.run(lastInsertRowid, 2, "Fase futura", romeDay(10), null);
  return { slug, id: Number(lastInsertRowid) };
}

async function staffPage(page: Page, login: (o: { role: "staff" }) => Promise<unknown>) {
  await login({ role: "staff" });
  return page;
}

test("the seeded process shows its 5 milestones in order, month ranges as months, and both art. 7bis dates", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Segui il processo/ }).click();
  await expect(page).toHaveURL(new RegExp(`${SEEDED}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redazione delle prime 3 STTM");

  const phases = page.getByRole("list", { name: "Le fasi" }).getByRole("listitem");
  await expect(phases).toHaveCount(5);
  await expect(phases.locator(".milestone-when")).toHaveText([
    "14 aprile 2022",
    "24 maggio 2022",
    "ottobre – novembre 2022",
    "5 dicembre 2022",
    "gennaio – febbraio 2023",
  ]);
  await expect(phases.nth(2).locator("time").first()).toHaveAttribute("datetime", "2022-10");
  await expect(phases.nth(1)).toContainText("Kick-off meeting");
  // From March 2023 on every seeded phase is over: none is highlighted (the clock logic is unit-tested).
  await expect(page.locator("[aria-current=step]")).toHaveCount(0);
  await expect(phases.filter({ hasText: "Conclusa" })).toHaveCount(5);

  const dates = page.locator("dl.process-dates");
  await expect(dates).toContainText("Messa a disposizione della proposta");
  await expect(dates).toContainText("Adozione prevista");
  await expect(dates.locator("dd")).toHaveText(["non ancora fissata", "non ancora fissata"]);

  await page.getByRole("link", { name: /STTM 2: / }).click();
  await expect(page).toHaveURL(/\/strategie\/STTM2$/);
});

test("the phase in progress today is highlighted, on the page and in the list", async ({ page }) => {
  const { slug } = processAroundToday();
  await page.goto(`/processi/${slug}`);
  const phases = page.getByRole("list", { name: "Le fasi" }).getByRole("listitem");
  await expect(phases).toHaveCount(3);
  const current = page.locator("[aria-current=step]");
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("Fase di oggi");
  await expect(current).toContainText("Fase in corso");
  await expect(phases.nth(0)).toContainText("Conclusa");
  await expect(phases.nth(2)).toContainText("Da svolgere");

  await page.goto("/processi");
  await expect(page.getByRole("listitem").filter({ hasText: slug.slice(-8) })).toContainText("Fase in corso: Fase di oggi");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff create a process, add two phases, get the art. 7bis warning (409, form kept), confirm and save", async ({ page, login }) => {
    await staffPage(page, login);
    const title = `Revisione STTM 2 ${randomUUID().slice(0, 6)}`;
    await page.goto("/gestione");
    await page.getByRole("link", { name: "Processi" }).click();
    await page.getByRole("link", { name: "Nuovo processo" }).click();
    await expect(page).toHaveURL(/\/gestione\/processi\/nuovo$/);

    await page.getByLabel("Titolo").fill(title);
    await page.getByLabel("Descrizione").fill("Aggiornamento **incrementale** della strategia.");
    await page.getByLabel("Stato").selectOption({ label: "In corso" });
    await page.getByLabel("Adozione prevista").fill("2028-06-30");
    await page.getByLabel(/STTM 2/).check();
    await page.getByRole("button", { name: "Crea il processo" }).click();
    await expect(page).toHaveURL(/\/gestione\/processi\/\d+\?ok=created$/);
    await expect(page.getByRole("status")).toContainText("Processo creato");
    const editUrl = page.url().replace(/\?.*$/, "");

    const addForm = page.getByRole("form", { name: "Aggiungi una fase" });
    await addForm.getByLabel("Titolo della fase").fill("Tavoli territoriali");
    await addForm.getByLabel("Tipo di fase").selectOption("tavolo_territoriale");
    await addForm.getByLabel("Data di inizio").fill("2028-01-10");
    await addForm.getByLabel("Data di fine").fill("2028-02-20");
    await addForm.getByLabel(/^Mese/).check();
    await addForm.getByRole("button", { name: "Aggiungi la fase" }).click();
    await expect(page.getByRole("status")).toHaveText("Fase aggiunta.");

    // A phase ending before it starts: an Italian message, what was typed kept.
    await addForm.getByLabel("Titolo della fase").fill("Conferenza istruttoria");
    await addForm.getByLabel("Data di inizio").fill("2028-05-20");
    await addForm.getByLabel("Data di fine").fill("2028-05-10");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      addForm.getByRole("button", { name: "Aggiungi la fase" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(addForm.getByText("La data di fine non può precedere la data di inizio.")).toBeVisible();
    await expect(addForm.getByLabel("Titolo della fase")).toHaveValue("Conferenza istruttoria");
    await expect(addForm.getByLabel("Data di fine")).toHaveAttribute("aria-invalid", "true");
    await addForm.getByLabel("Data di fine").fill("2028-05-20");
    await addForm.getByRole("button", { name: "Aggiungi la fase" }).click();
    await expect(page.getByRole("status")).toHaveText("Fase aggiunta.");

    const phases = page.getByRole("list", { name: "Fasi del processo" }).getByRole("listitem");
    await expect(phases.getByRole("heading")).toHaveText(["1. Tavoli territoriali", "2. Conferenza istruttoria"]);
    await expect(phases.nth(0).locator(".milestone-when")).toContainText("gennaio – febbraio 2028");
    await page.getByRole("button", { name: "Sposta su (Conferenza istruttoria)" }).click();
    await expect(phases.getByRole("heading")).toHaveText(["1. Conferenza istruttoria", "2. Tavoli territoriali"]);
    await page.getByRole("button", { name: "Sposta giù (Conferenza istruttoria)" }).click();
    await expect(phases.getByRole("heading")).toHaveText(["1. Tavoli territoriali", "2. Conferenza istruttoria"]);

    // The draft 60 days before adoption: warned, 409, nothing saved, the form as typed.
    await page.getByLabel("Titolo", { exact: true }).fill(`${title} (rivista)`);
    await page.getByLabel("Messa a disposizione della proposta").fill("2028-05-01");
    const [warned] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Salva il processo" }).click(),
    ]);
    expect(warned.status()).toBe(409);
    const warning = page.getByRole("alert");
    await expect(warning).toContainText(
      "La proposta sarebbe a disposizione solo 60 giorni prima dell'adozione: l'art. 7bis c.4 ne richiede almeno 90.",
    );
    await expect(page.getByLabel("Titolo", { exact: true })).toHaveValue(`${title} (rivista)`);
    await expect(page.getByLabel("Messa a disposizione della proposta")).toHaveValue("2028-05-01");
    await expect(page.getByLabel(/STTM 2/)).toBeChecked();

    await page.getByLabel("Confermo di voler salvare date non conformi all'art. 7bis").check();
    await page.getByRole("button", { name: "Salva il processo" }).click();
    await expect(page.getByRole("status")).toHaveText("Processo salvato.");
    expect(page.url().replace(/\?.*$/, "")).toBe(editUrl);

    // The public page states both dates and that the rule is not met.
    await page.getByRole("link", { name: "Vedi la pagina pubblica" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (rivista)`);
    await expect(page.locator("dl.process-dates dd")).toHaveText(["1 maggio 2028", "30 giugno 2028"]);
    await expect(page.getByRole("note")).toContainText("La proposta è a disposizione solo 60 giorni prima dell'adozione prevista");
    await expect(page.getByRole("note")).toContainText("Lo staff ha confermato queste date");
    await expect(page.getByRole("list", { name: "Le fasi" }).locator(".milestone-when")).toHaveText(["gennaio – febbraio 2028", "20 maggio 2028"]);
    await expect(page.locator(".rich-text strong")).toHaveText("incrementale");
  });
});

test("a participant gets 403 on the staff process pages; anonymous users are sent to log in", async ({ page, login, request }) => {
  await page.goto("/gestione/processi");
  await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Fgestione%2Fprocessi/);
  await login();
  expect((await page.goto("/gestione/processi"))?.status()).toBe(403);
  await expect(page.getByText("Non hai i permessi")).toBeVisible();
  expect((await page.goto("/gestione/processi/nuovo"))?.status()).toBe(403);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const post = await request.post("/gestione/processi/nuovo", { form: { intent: "process", title: "Intruso" }, headers: { Cookie: cookie } });
  expect(post.status()).toBe(403);
});

test("an unknown process is a 404 in Italian with a way back", async ({ page }) => {
  const response = await page.goto("/processi/non-esiste");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Il processo richiesto non esiste o non è pubblico.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tutti i processi" })).toBeVisible();
});

test("every process page passes axe, in Italian and in English, with the art. 7bis warning shown", async ({ page, login }) => {
  test.setTimeout(120_000);
  const { id } = processAroundToday();
  await staffPage(page, login);
  const pages = ["/processi", SEEDED, "/gestione/processi", "/gestione/processi/nuovo", `/gestione/processi/${id}`];
  for (const lang of ["it", "en"] as const) {
    if (lang === "en") {
      await page.goto("/processi");
      await switchLanguage(page, "en");
    }
    for (const path of pages) {
      await page.goto(path);
      await expectNoA11yViolations(page, `${path} (${lang})`);
    }
    // The art. 7bis warning on the new and edit forms (JavaScript on: Remix submits the form).
    for (const path of ["/gestione/processi/nuovo", `/gestione/processi/${id}`]) {
      await page.goto(path);
      await page.locator("#f-title").fill(`Processo di prova ${lang}`);
      await page.locator("#f-plannedAdoptionDate").fill("2028-06-30");
      await page.locator("#f-draftPublicDate").fill("2028-05-01");
      await page.locator(".process-form button[type=submit]").click();
      await expect(page.getByRole("alert")).toContainText(lang === "it" ? "solo 60 giorni prima" : "only 60 days before");
      await expect(page.locator("#f-title")).toHaveValue(`Processo di prova ${lang}`);
      await expectNoA11yViolations(page, `${path} with the art. 7bis warning (${lang})`);
    }
  }
});
