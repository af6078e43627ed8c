import { randomUUID } from "node:crypto";
import ical, { type VEvent } from "node-ical";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { createSession, createUser, e2eDb, organizationBySlug } from "./fixtures/db";
import { createMeeting, createRegistrationRow, outboxFor } from "./fixtures/meetings";

const DAY = 86_400_000;
const suffix = () => randomUUID().slice(0, 6);

/** "YYYY-MM-DDTHH:MM" n days from now (a datetime-local value; the app reads it as Rome time). */
function localInput(daysFromNow: number, time: string) {
  return `${new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10)}T${time}`;
}

const TINY_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const FAKE_EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(8192, 0x41)]);

test.describe("staff create and manage meetings", () => {
  test("bad input gets Italian messages and keeps what was typed; then the tavolo is created", async ({ page, login }) => {
    await login({ role: "staff" });
    await page.goto("/gestione/incontri");
    await page.getByRole("link", { name: "Nuovo incontro" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nuovo incontro" })).toBeVisible();

    const title = `Tavolo territoriale di prova ${suffix()}`;
    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel("Tipo di incontro").selectOption("tavolo_territoriale");
    await page.getByLabel(/^Inizio/).fill(localInput(40, "17:30"));
    await page.getByLabel(/^Fine/).fill(localInput(40, "16:00"));
    await page.getByLabel("Nome del luogo").fill("Sala consiliare");
    await page.getByLabel(/^Posti disponibili/).fill("0");
    await page.getByRole("button", { name: "Crea l'incontro" }).click();

    await expect(page.getByRole("alert").first()).toContainText("Il modulo contiene errori");
    await expect(page.getByText("La fine dell'incontro deve essere successiva all'inizio.")).toBeVisible();
    await expect(page.getByText("I posti disponibili devono essere un numero intero maggiore di zero")).toBeVisible();
    await expect(page.getByText("Un tavolo territoriale riguarda una zona omogenea: sceglila.")).toBeVisible();
    await expect(page.getByLabel(/^Titolo/)).toHaveValue(title);
    await expect(page.getByLabel(/^Posti disponibili/)).toHaveValue("0");
    await expect(page.getByLabel(/^Fine/)).toHaveAttribute("aria-invalid", "true");
    await expectNoA11yViolations(page, "/gestione/incontri/nuovo with errors (it)");

    await page.getByLabel(/^Fine/).fill(localInput(40, "19:30"));
    await page.getByLabel(/^Posti disponibili/).fill("30");
    await page.getByLabel("Zona omogenea").selectOption("sud-ovest");
    await page.getByLabel("Latitudine").fill("45,4333");
    await page.getByLabel("Longitudine").fill("9.1167");
    await page.getByRole("button", { name: "Crea l'incontro" }).click();
    await expect(page.getByRole("status")).toHaveText("Incontro creato.");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    const row = e2eDb().prepare("select kind, zone_id, capacity, lat from meetings where title = ?").get(title) as Record<string, unknown>;
    expect(row).toMatchObject({ kind: "tavolo_territoriale", zone_id: "sud-ovest", capacity: 30, lat: 45.4333 });
  });

  test("documents: a PDF is uploaded and downloaded; a renamed .exe and a 12 MB file are refused with a message", async ({ page, login, request }) => {
    const { id } = createMeeting({ title: `Incontro con documenti ${suffix()}`, kind: "presentazione", startsAt: new Date(Date.now() + 20 * DAY), endsAt: new Date(Date.now() + 20 * DAY + 7_200_000) });
    await login({ role: "staff" });
    await page.goto(`/gestione/incontri/${id}`);
    // Something typed in the meeting form must survive a failed upload (separate forms).
    await page.getByLabel("Nome del luogo").fill("Testo non ancora salvato");

    const upload = page.getByRole("form", { name: "Carica un documento" });
    await upload.getByLabel(/^Titolo del documento/).fill("Programma dell'incontro");
    await upload.getByLabel(/^File/).setInputFiles({ name: "programma.pdf", mimeType: "application/pdf", buffer: FAKE_EXE });
    await upload.getByRole("button", { name: "Carica il documento" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Il file non è un PDF" })).toBeVisible();
    await expect(upload.getByLabel(/^Titolo del documento/)).toHaveValue("Programma dell'incontro");
    await expect(page.getByLabel("Nome del luogo")).toHaveValue("Testo non ancora salvato");

    await upload.getByLabel(/^File/).setInputFiles({ name: "grande.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(12 * 1024 * 1024, 0x20)]) });
    await upload.getByRole("button", { name: "Carica il documento" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Il file è troppo grande: la dimensione massima è 10 MB." })).toBeVisible();
    await expect(upload.getByLabel(/^Titolo del documento/)).toHaveValue("Programma dell'incontro");
    await expect(page.getByLabel("Nome del luogo")).toHaveValue("Testo non ancora salvato");

    await upload.getByLabel(/^File/).setInputFiles({ name: "programma.pdf", mimeType: "application/pdf", buffer: TINY_PDF });
    await upload.getByRole("button", { name: "Carica il documento" }).click();
    await expect(page.getByRole("status")).toHaveText("Documento caricato.");

    // The public page lists it; the download is the same bytes, as a PDF attachment.
    await page.goto(`/incontri/${id}`);
    const link = page.getByRole("link", { name: "Programma dell'incontro" });
    const downloadPromise = page.waitForEvent("download");
    await link.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("programma.pdf");
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    expect(bytes.equals(TINY_PDF)).toBe(true);
    const res = await request.get((await link.getAttribute("href"))!);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);

    // The HTTP status of an oversized upload, as a plain client sees it.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    // (?index: a plain POST to this URL would reach its layout route, which has no action.)
    const big = await request.post(`/gestione/incontri/${id}?index`, {
      headers: { Cookie: cookie },
      multipart: { title: "Troppo grande", file: { name: "grande.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(12 * 1024 * 1024)]) } },
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("Il file è troppo grande");
  });

  test("cancelling a meeting sends every live registrant a message with the reason", async ({ page, login }) => {
    const { id } = createMeeting({ title: `Tavolo da annullare ${suffix()}`, kind: "tavolo_territoriale", zoneId: "nord-milano", startsAt: new Date(Date.now() + 30 * DAY), endsAt: new Date(Date.now() + 30 * DAY + 7_200_000) });
    const confirmed = createUser({ name: "Iscritta confermata" });
    const waiting = createUser({ name: "Iscritto in attesa" });
    const gone = createUser({ name: "Iscrizione annullata" });
    createRegistrationRow({ meetingId: id, userId: confirmed.id, status: "confirmed" });
    createRegistrationRow({ meetingId: id, userId: waiting.id, status: "waitlisted" });
    createRegistrationRow({ meetingId: id, userId: gone.id, status: "cancelled" });

    await login({ role: "staff" });
    await page.goto(`/gestione/incontri/${id}`);
    const cancel = page.getByRole("form", { name: "Annulla l'incontro" });
    await cancel.getByRole("button", { name: "Annulla l'incontro e avvisa gli iscritti" }).click();
    await expect(page.getByText("Spiega il motivo dell'annullamento")).toBeVisible();
    await cancel.getByLabel("Motivo dell'annullamento").fill("La sala non è disponibile");
    await cancel.getByRole("button", { name: "Annulla l'incontro e avvisa gli iscritti" }).click();
    await expect(page.getByRole("status")).toHaveText("Incontro annullato. Messaggi agli iscritti: 2.");

    expect(outboxFor(confirmed.id).map((m) => m.kind)).toEqual(["meeting.cancelled"]);
    expect(outboxFor(confirmed.id)[0].body).toContain("La sala non è disponibile");
    expect(outboxFor(waiting.id)).toHaveLength(1);
    expect(outboxFor(gone.id)).toHaveLength(0);

    await page.goto(`/incontri/${id}`);
    await expect(page.getByText("Questo incontro è stato annullato.")).toBeVisible();
    await expect(page.getByText("Motivo: La sala non è disponibile")).toBeVisible();
  });

  test("minutes and a contribution entered on behalf are public once the meeting is closed", async ({ page, login }) => {
    const title = `Tavolo svolto ${suffix()}`;
    const { id } = createMeeting({ title, kind: "tavolo_territoriale", zoneId: "nord-ovest", status: "held", startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + 7_200_000) });
    await login({ role: "staff" });
    await page.goto(`/gestione/incontri/${id}/verbale`);

    const contribution = page.getByRole("form", { name: "Contributi espressi al tavolo" });
    await contribution.getByLabel("Organizzazione").selectOption({ label: "Comune di Rho" });
    await contribution.getByLabel("Tipo di contributo").selectOption("proposta");
    await contribution.getByLabel(/^Titolo del contributo/).fill("Più corse serali sulla S5");
    await contribution.getByLabel(/^Testo/).fill("Il Comune chiede di potenziare le corse serali della linea S5 verso Milano.");
    await contribution.getByRole("button", { name: "Registra il contributo" }).click();
    await expect(page.getByRole("status")).toHaveText("Contributo registrato e pubblicato.");

    // Not public before the meeting is closed.
    const publicPage = await page.context().newPage();
    await publicPage.goto(`/incontri/${id}`);
    await expect(publicPage.getByText("Più corse serali sulla S5")).toHaveCount(0);

    await page.locator("#f-minutes").fill("### Sintesi\n\nI Comuni della zona hanno discusso la **mobilità serale**.");
    await page.getByLabel("Numero di partecipanti").fill("23");
    await page.getByRole("button", { name: "Concludi l'incontro e pubblica il verbale" }).click();
    await expect(page.getByRole("status")).toHaveText("Incontro concluso: il verbale è pubblicato.");

    await publicPage.reload();
    await expect(publicPage.getByText("Concluso (verbale pubblicato)").first()).toBeVisible();
    const minutes = publicPage.getByRole("region", { name: "Verbale" });
    await expect(minutes.getByRole("heading", { name: "Sintesi" })).toBeVisible();
    await expect(minutes.locator("strong")).toHaveText("mobilità serale");
    await expect(minutes).toContainText("Partecipanti all'incontro: 23");
    const said = publicPage.getByRole("region", { name: "Contributi espressi durante l'incontro" });
    await expect(said.getByRole("heading", { name: "Più corse serali sulla S5" })).toBeVisible();
    await expect(said).toContainText("Comune di Rho");
    await expect(said).toContainText("trascritto dallo staff");
    await publicPage.close();
  });
});

test.describe("public meeting pages", () => {
  test("the list shows upcoming meetings first and filters by kind and zone", async ({ page }) => {
    const tag = suffix();
    const make = (name: string, days: number) =>
      createMeeting({ title: `Presentazione ${name} ${tag}`, kind: "presentazione", startsAt: new Date(Date.now() + days * DAY), endsAt: new Date(Date.now() + days * DAY + 3_600_000) });
    make("passata", -10);
    make("lontana", 50);
    make("vicina", 5);

    await page.goto("/incontri");
    await page.getByLabel("Tipo di incontro").selectOption("presentazione");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(page).toHaveURL(/kind=presentazione/);
    const titles = await page.locator(".meeting-item h3").allInnerTexts();
    const mine = titles.filter((t) => t.endsWith(tag));
    expect(mine).toEqual([`Presentazione vicina ${tag}`, `Presentazione lontana ${tag}`, `Presentazione passata ${tag}`]);
    // The upcoming section comes before the past one.
    expect(await page.locator("#upcoming-title, #past-title").allInnerTexts()).toEqual(["Prossimi incontri", "Incontri passati"]);
    expect(await page.locator(".meeting-item .badge").filter({ hasText: "Tavolo territoriale" }).count()).toBe(0);

    await page.getByLabel("Tipo di incontro").selectOption("tavolo_territoriale");
    await page.getByLabel("Zona omogenea").selectOption("sud-est");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(page.getByRole("link", { name: "Tavolo territoriale — Sud Est", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tavolo territoriale — Nord Ovest", exact: true })).toHaveCount(0);
    for (const text of await page.locator(".meeting-item").allInnerTexts()) expect(text).toContain("Sud Est");
    await expectNoA11yViolations(page, "/incontri filtered (it)");
  });

  test("the filters work without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/incontri");
    await page.getByLabel("Tipo di incontro").selectOption("tavolo_territoriale");
    await page.getByLabel("Zona omogenea").selectOption("nord-ovest");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(page).toHaveURL(/kind=tavolo_territoriale&zone=nord-ovest/);
    await expect(page.getByRole("link", { name: "Tavolo territoriale — Nord Ovest", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tavolo territoriale — Sud Est", exact: true })).toHaveCount(0);
    await context.close();
  });

  test("the meeting page: facts in Rome time, a small map with one marker (tiles blocked), a working .ics", async ({ page, blockedRequests }) => {
    // 18:00 in Rome on a January day: 17:00Z.
    const year = new Date().getUTCFullYear() + 1;
    const start = new Date(`${year}-01-20T17:00:00Z`);
    const { id } = createMeeting({
      title: `Tavolo d'inverno ${suffix()}`,
      kind: "tavolo_territoriale",
      zoneId: "adda-martesana",
      startsAt: start,
      endsAt: new Date(start.getTime() + 7_200_000),
      venueName: "Sala consiliare",
      venueAddress: "Piazza Matteotti 3, Cernusco sul Naviglio",
      lat: 45.5252,
      lon: 9.3326,
      agenda: "1. Saluti\n2. **Proposte** della zona",
    });
    await page.goto(`/incontri/${id}`);
    await expect(page.getByText(`20 gennaio ${year}, dalle 18:00 alle 20:00`)).toBeVisible();
    await expect(page.getByText("Adda Martesana", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Ordine del giorno" }).locator("strong")).toHaveText("Proposte");

    const map = page.getByRole("region", { name: "Mappa del luogo dell'incontro" });
    await expect(map).toBeVisible();
    await expect(map.locator(".leaflet-marker-icon")).toHaveCount(1);
    await expect(page.getByText("Indirizzo: Sala consiliare, Piazza Matteotti 3, Cernusco sul Naviglio")).toBeVisible();
    expect(blockedRequests.some((url) => url.includes("tile.openstreetmap.org"))).toBe(true);

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Aggiungi al calendario (.ics)" }).click();
    const download = await downloadPromise;
    const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
    expect(text).toContain(`DTSTART:${year}0120T170000Z`);
    const [event] = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
    expect(new Date(event.start!).toISOString()).toBe(start.toISOString());
    expect(event.location).toContain("Cernusco sul Naviglio");
  });

  test("the calendar feed lists the upcoming demo tables", async ({ request }) => {
    const res = await request.get("/incontri/calendario.ics");
    expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === "VEVENT");
    expect(events.map((e) => String(e.summary))).toContain("Tavolo territoriale — Nord Ovest");
    expect(events.every((e) => new Date(e.end!).getTime() >= Date.now())).toBe(true);
  });
});

test.describe("authorization", () => {
  test("participants get 403 on the staff meeting pages; anonymous users are sent to log in", async ({ page, login, request }) => {
    const { id } = createMeeting({ title: `Incontro protetto ${suffix()}`, kind: "altro", startsAt: new Date(Date.now() + 9 * DAY), endsAt: new Date(Date.now() + 9 * DAY + 3_600_000) });
    await page.goto("/gestione/incontri/nuovo");
    await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Fgestione%2Fincontri%2Fnuovo/);
    await login();
    for (const path of ["/gestione/incontri", "/gestione/incontri/nuovo", `/gestione/incontri/${id}`, `/gestione/incontri/${id}/verbale`]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const post = await request.post(`/gestione/incontri/${id}?index`, { form: { intent: "cancel", reason: "Tentativo non autorizzato" }, headers: { Cookie: cookie } });
    expect(post.status()).toBe(403);
    const status = e2eDb().prepare("select status from meetings where id = ?").get(id) as { status: string };
    expect(status.status).toBe("registration_open");
  });
});

test.describe("accessibility of the meeting pages", () => {
  for (const lang of ["it", "en"] as const) {
    test(`no axe violations (${lang})`, async ({ page, browser, baseURL }) => {
      const open = createMeeting({ title: `Tavolo per axe ${suffix()}`, kind: "tavolo_territoriale", zoneId: "sud-ovest", startsAt: new Date(Date.now() + 12 * DAY), endsAt: new Date(Date.now() + 12 * DAY + 7_200_000) });
      const held = createMeeting({ title: `Tavolo svolto per axe ${suffix()}`, kind: "tavolo_territoriale", zoneId: "sud-ovest", status: "held", startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 3 * DAY + 7_200_000) });
      const rho = organizationBySlug("comune-di-rho")!;
      e2eDb()
        .prepare("insert into contributions (process_id, kind, title, body, organization_id, meeting_id, status, published_at) select process_id, 'osservazione', 'Un contributo', 'Testo del contributo al tavolo.', ?, id, 'published', unixepoch() from meetings where id = ?")
        .run(rho.id, held.id);

      await page.goto("/incontri");
      if (lang === "en") await switchLanguage(page, "en");
      await expectNoA11yViolations(page, `/incontri (${lang})`);
      await page.goto(`/incontri/${open.id}`);
      await expect(page.locator(".leaflet-marker-icon")).toHaveCount(1);
      await expectNoA11yViolations(page, `/incontri/${open.id} (${lang})`);

      const staff = createUser({ role: "staff" });
      const context = await browser.newContext({ baseURL, locale: "it-IT", timezoneId: "Europe/Rome" });
      await context.route((url) => !url.href.startsWith(baseURL!), (route) => route.abort());
      await context.addCookies([{ name: "concerta_session", value: createSession(staff.id), url: baseURL! }]);
      const s = await context.newPage();
      await s.goto("/gestione");
      if (lang === "en") await switchLanguage(s, "en");
      for (const path of ["/gestione/incontri", "/gestione/incontri/nuovo", `/gestione/incontri/${open.id}`, `/gestione/incontri/${held.id}/verbale`]) {
        await s.goto(path);
        await expectNoA11yViolations(s, `${path} (${lang})`);
      }
      // The forms with their error messages shown.
      await s.goto("/gestione/incontri/nuovo");
      await s.locator("form.meeting-form button[type=submit]").click();
      await expect(s.locator(".field .error").first()).toBeVisible();
      await expectNoA11yViolations(s, `/gestione/incontri/nuovo with errors (${lang})`);
      await s.goto(`/gestione/incontri/${open.id}`);
      await s.locator("#upload-doc-file").setInputFiles({ name: "x.pdf", mimeType: "application/pdf", buffer: FAKE_EXE });
      await s.locator("#upload-doc-title").fill("Documento");
      await s.locator("#upload-doc-file").locator("xpath=ancestor::form").locator("button[type=submit]").click();
      await expect(s.locator(".alert-danger")).toBeVisible();
      await expectNoA11yViolations(s, `/gestione/incontri/${open.id} with upload error (${lang})`);
      await s.goto(`/gestione/incontri/${held.id}/verbale`);
      await s.locator("form").filter({ has: s.locator("input[name=intent][value=contribution]") }).locator("button[type=submit]").click();
      await expect(s.locator(".field .error").first()).toBeVisible();
      await expectNoA11yViolations(s, `/gestione/incontri/${held.id}/verbale with errors (${lang})`);
      await context.close();
    });
  }
});
