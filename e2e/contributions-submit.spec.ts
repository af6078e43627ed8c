import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { approveMembership, organizationBySlug, uniqueEmail } from "./fixtures/db";
import {
  comuniOf,
  contributionById,
  contributionsOf,
  expireSessions,
  insertContribution,
  mapPointFor,
  supportsOf,
  tabTo,
  userIdByEmail,
  zonesOf,
} from "./fixtures/contributions";
import { expect, expectNoA11yViolations, switchLanguage, test } from "./fixtures/test";

// Submitting contributions: the guided form (kind → theme → place → text → review), on the map or
// by keyboard with the list of comuni, geometry refusals, the saved draft across an expired
// session, similar contributions, supports, my contributions, and axe on every step.

const RHO = { lon: 9.04, lat: 45.53 };
const OUTSIDE = { lon: 8.5, lat: 45.25 }; // west of the Ticino: province of Novara/Pavia

async function chooseKindAndTheme(page: Page) {
  await page.goto("/contributi/nuovo");
  await expect(page.getByRole("heading", { level: 1, name: "Invia un contributo" })).toBeVisible();
  await page.getByLabel(/^Proposta/).check();
  await page.getByRole("button", { name: "Avanti" }).click();
  await expect(page).toHaveURL(/passo=tema/);
  await page.getByLabel(/STTM 1/).check();
  await page.getByLabel("Sviluppo e attuazione della Rete Verde Metropolitana").check();
  await page.getByRole("button", { name: "Avanti" }).click();
  await expect(page).toHaveURL(/passo=luogo/);
}

async function mapReady(page: Page) {
  await expect(page.getByRole("group", { name: "Strumenti di disegno" })).toBeVisible();
  await expect(page.locator(".draw-map-canvas path.comune")).toHaveCount(133);
}

async function clickOnMap(page: Page, at: { lon: number; lat: number }) {
  await page.getByRole("button", { name: "Punto", exact: true }).click();
  await expect(page.getByRole("button", { name: "Punto", exact: true })).toHaveAttribute("aria-pressed", "true");
  const { x, y } = await mapPointFor(page, at.lon, at.lat);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/**
 * Posts the form with `geometry` in its hidden field, as a script could (a shape the drawing tools
 * would not produce): the value is set and the form sent in the same task, so no re-render resets it.
 */
async function postGeometry(page: Page, geometry: string, intent: "next" | "save") {
  await page.locator('input[name="geometry"]').evaluate(
    (el, [value, button]) => {
      const input = el as HTMLInputElement;
      input.value = value;
      input.form!.requestSubmit(input.form!.querySelector<HTMLButtonElement>(`button[value="${button}"]`));
    },
    [geometry, intent] as const,
  );
}

async function writeText(page: Page, title: string, body: string) {
  await page.getByLabel("Titolo").fill(title);
  await page.getByLabel("Testo", { exact: true }).fill(body);
}

test.describe("submitting a contribution", () => {
  test("a citizen submits one by clicking on the map and another by keyboard only; both are pending in my contributions", async ({ page, login, blockedRequests }) => {
    test.setTimeout(120_000);
    const me = await login({ name: "Carla Cittadina" });
    const mapTitle = `Un parco lineare lungo l'Olona a Rho ${randomUUID().slice(0, 4)}`;
    const keyboardTitle = `Più corse serali della S5 per Rho ${randomUUID().slice(0, 4)}`;

    // (a) On the map: find Rho by name (the map zooms there), the point tool, then a real click inside
    // Rho (tiles are blocked: the boundaries are the map).
    await chooseKindAndTheme(page);
    await mapReady(page);
    const frameWidth = async () => {
      const [w, , e] = (await page.locator(".draw-map-canvas").getAttribute("data-bounds"))!.split(",").map(Number);
      return e - w;
    };
    const whole = await frameWidth();
    await page.getByLabel("Cerca un comune sulla mappa").fill("Rho");
    await expect.poll(frameWidth).toBeLessThan(whole / 4);
    await clickOnMap(page, RHO);
    await expect(page.getByText("Luogo disegnato: Punto.")).toBeVisible();
    const drawn = JSON.parse(await page.locator('input[name="geometry"]').inputValue());
    expect(drawn.type).toBe("Point");
    expect(Math.abs(drawn.coordinates[0] - RHO.lon)).toBeLessThan(0.01);
    expect(Math.abs(drawn.coordinates[1] - RHO.lat)).toBeLessThan(0.01);
    expect(blockedRequests.some((u) => u.includes("tile.openstreetmap.org"))).toBe(true);
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=testo/);
    // Back to the place: the point drawn is there again (from the saved draft), and kept.
    await page.getByRole("button", { name: "Indietro" }).click();
    await expect(page).toHaveURL(/passo=luogo/);
    await mapReady(page);
    await expect(page.getByText("Luogo disegnato: Punto.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancella il disegno" })).toBeEnabled();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=testo/);
    await writeText(page, mapTitle, "Collegare le aree verdi lungo il fiume Olona con un percorso **continuo**.");
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=riepilogo/);
    const review = page.locator(".review-facts");
    await expect(review).toContainText("Proposta");
    await expect(review).toContainText("Punto");
    await expect(review).toContainText("Rho");
    await expect(review.locator("strong")).toHaveText("continuo"); // Markdown rendered
    await page.getByRole("button", { name: "Invia il contributo" }).click();
    await expect(page).toHaveURL(/\/account\/contributi\?esito=pending/);
    await expect(page.getByRole("status")).toContainText("sarà pubblicato dopo la verifica");

    const [first] = contributionsOf(me.id);
    expect(first).toMatchObject({ title: mapTitle, status: "pending", placeKind: "point" });
    expect(comuniOf(first.id)).toEqual(["015182"]);
    expect(zonesOf(first.id)).toEqual(["nord-ovest"]);

    // (b) Keyboard only: Tab, Space and Enter; the place is chosen from the list of comuni.
    await page.goto("/contributi/nuovo");
    await tabTo(page, (el) => el.name === "kind");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.value === "next");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/passo=tema/);
    await tabTo(page, (el) => el.name === "strategyCode");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.id === "target-STTM1.2");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.value === "next");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/passo=luogo/);
    await mapReady(page);
    await tabTo(page, (el) => el.text === "Salta la mappa e scegli i comuni dall'elenco");
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.tag === "summary" && el.text.startsWith("Nord Ovest"), 20);
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.id === "comune-015182", 30);
    await page.keyboard.press("Space");
    await expect(page.locator("#comune-015182")).toBeChecked();
    await tabTo(page, (el) => el.value === "next");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/passo=testo/);
    await tabTo(page, (el) => el.id === "f-title");
    await page.keyboard.type(keyboardTitle);
    await tabTo(page, (el) => el.id === "f-body");
    await page.keyboard.type("Servono corse serali più frequenti tra Rho e Milano.");
    await tabTo(page, (el) => el.value === "next");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/passo=riepilogo/);
    await expect(page.locator(".review-facts")).toContainText("Comuni interi");
    await tabTo(page, (el) => el.value === "submit");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/account\/contributi/);

    const mine = page.getByRole("list", { name: "Elenco dei miei contributi" });
    for (const title of [mapTitle, keyboardTitle]) {
      const item = mine.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
      await expect(item).toContainText("In attesa di moderazione");
      await expect(item.getByRole("link", { name: `Modifica «${title}»` })).toBeVisible();
    }
    const second = contributionsOf(me.id)[1];
    expect(second).toMatchObject({ title: keyboardTitle, status: "pending", placeKind: "comuni", geometry: null });
    expect(comuniOf(second.id)).toEqual(["015182"]);
    expect(zonesOf(second.id)).toEqual(["nord-ovest"]);
  });

  test("an area drawn across the Rho–Pero border touches both comuni", async ({ page, login }) => {
    const me = await login();
    await chooseKindAndTheme(page);
    await mapReady(page);
    await page.getByLabel("Cerca un comune sulla mappa").fill("Pero");
    await page.getByRole("button", { name: "Area", exact: true }).click();
    const ring = [
      [9.07, 45.51],
      [9.1, 45.51],
      [9.1, 45.525],
      [9.07, 45.525],
    ];
    await expect.poll(async () => (await page.locator(".draw-map-canvas").getAttribute("data-bounds"))!.split(",").map(Number)[0]).toBeGreaterThan(9.0);
    for (const [lon, lat] of [...ring, ring[0]]) {
      const { x, y } = await mapPointFor(page, lon, lat);
      await page.mouse.click(x, y);
    }
    await expect(page.getByText("Luogo disegnato: Area.")).toBeVisible();
    const drawn = JSON.parse(await page.locator('input[name="geometry"]').inputValue());
    expect(drawn.type).toBe("Polygon");
    expect(drawn.coordinates[0]).toHaveLength(5);
    await page.getByRole("button", { name: "Avanti" }).click();
    await writeText(page, "Un parco tra Rho e Pero", "Un'area verde a cavallo del confine tra i due comuni.");
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page.locator(".review-facts")).toContainText(/Pero, .*Rho/);
    await page.getByRole("button", { name: "Invia il contributo" }).click();
    await expect(page).toHaveURL(/\/account\/contributi/);
    const [c] = contributionsOf(me.id);
    expect(c.placeKind).toBe("polygon");
    expect(comuniOf(c.id)).toEqual(expect.arrayContaining(["015170", "015182"]));
    expect(zonesOf(c.id)).toContain("nord-ovest");
  });

  test("the session expires mid-form: after logging in again the typed title and text are there", async ({ page }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("sessione");
    const password = "Una-password-lunga-2026";
    await page.goto("/registrati");
    await page.getByLabel("Nome e cognome").fill("Sara Sessione");
    await page.getByLabel("Indirizzo e-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Ripeti la password").fill(password);
    await page.locator("#f-privacy").check();
    await page.locator("main form button[type=submit]").click();
    await expect(page).toHaveURL(/\/account/);
    const userId = userIdByEmail(email);

    await chooseKindAndTheme(page);
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Pero").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=testo/);
    const title = "Una piazza nuova davanti alla stazione di Pero";
    const body = "Il piazzale della stazione della metropolitana potrebbe diventare una piazza alberata.";
    await writeText(page, title, body);

    expireSessions(userId);
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/\/accedi\?redirectTo=/);
    await page.getByLabel("Indirizzo e-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.locator("main form button[type=submit]").click();

    await expect(page).toHaveURL(/\/contributi\/nuovo\?passo=testo&ripristinato=1/);
    await expect(page.getByRole("status").filter({ hasText: "Abbiamo recuperato" })).toBeVisible();
    await expect(page.getByLabel("Titolo")).toHaveValue(title);
    await expect(page.getByLabel("Testo", { exact: true })).toHaveValue(body);
    // A reload keeps them too (the page reads them again; its next post stores them and uses the token up).
    await page.reload();
    await expect(page.getByLabel("Titolo")).toHaveValue(title);
    await expect(page.getByLabel("Testo", { exact: true })).toHaveValue(body);
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page.locator(".review-facts")).toContainText("Pero");
  });

  test("a reload keeps text typed but not yet sent (autosave)", async ({ page, login }) => {
    await login();
    await chooseKindAndTheme(page);
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Rho").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("passo=testo"));
    await writeText(page, "Un titolo scritto e non inviato", "Un testo scritto e non ancora inviato al server.");
    await saved;
    await expect(page.getByText("Bozza salvata automaticamente.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Titolo")).toHaveValue("Un titolo scritto e non inviato");
    await expect(page.getByLabel("Testo", { exact: true })).toHaveValue("Un testo scritto e non ancora inviato al server.");
  });

  test("refused places come back in Italian, keeping what was typed", async ({ page, login }) => {
    test.setTimeout(90_000);
    await login();
    await chooseKindAndTheme(page);
    // The text first (through the step links), then an impossible place.
    await page.getByRole("link", { name: "Testo" }).click();
    await writeText(page, "Un titolo che deve restare", "Un testo che deve restare anche dopo gli errori.");
    await page.getByRole("button", { name: "Salva la bozza" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bozza salvata." })).toBeVisible();
    await page.getByRole("link", { name: "Luogo" }).click();
    await mapReady(page);

    // A point outside the metropolitan boundary, clicked on the map.
    await clickOnMap(page, OUTSIDE);
    await expect(page.getByText("Luogo disegnato: Punto.")).toBeVisible();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page.locator("#geometry-error")).toHaveText(
      "Il punto è fuori dal territorio della Città metropolitana di Milano: indica un luogo entro i suoi confini.",
    );
    await expect(page.getByRole("alert").first()).toBeVisible();

    // A bow-tie polygon, and a 2 MB GeoJSON (as a script could post them).
    const post = async (geometry: string) => {
      await mapReady(page);
      const started = Date.now();
      await postGeometry(page, geometry, "next");
      await expect(page.locator("#geometry-error")).toBeVisible();
      return Date.now() - started;
    };
    await post(JSON.stringify({ type: "Polygon", coordinates: [[[9.03, 45.52], [9.06, 45.55], [9.06, 45.52], [9.03, 45.55], [9.03, 45.52]]] }));
    await expect(page.locator("#geometry-error")).toHaveText("L'area disegnata si interseca con se stessa: ridisegnala senza incroci.");
    const big = JSON.stringify({ type: "LineString", coordinates: Array.from({ length: 80_000 }, () => [9.04123456, 45.53123456]) });
    expect(big.length).toBeGreaterThan(2_000_000);
    const elapsed = await post(big);
    await expect(page.locator("#geometry-error")).toContainText("Il disegno è troppo grande");
    expect(elapsed).toBeLessThan(5_000);

    // Both ways at once are refused too.
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Rho").check();
    await post(JSON.stringify({ type: "Point", coordinates: [9.04, 45.53] }));
    await expect(page.locator("#geometry-error")).toContainText("tieni solo uno dei due");

    await page.getByRole("link", { name: "Testo" }).click();
    await expect(page.getByLabel("Titolo")).toHaveValue("Un titolo che deve restare");
    await expect(page.getByLabel("Testo", { exact: true })).toHaveValue("Un testo che deve restare anche dopo gli errori.");
  });

  test("similar published contributions appear while typing the title", async ({ page, login }) => {
    await login();
    const token = `Zorblatt${randomUUID().slice(0, 6).replace(/-/g, "")}`;
    const published = insertContribution({ title: `Velostazione ${token} alla fermata di Rho Fiera` });
    insertContribution({ title: `Velostazione ${token} in attesa`, status: "pending" });
    await page.goto("/contributi/nuovo?passo=testo");
    await page.getByLabel("Titolo").pressSequentially(`velostazioni ${token.toLowerCase()}`, { delay: 20 });
    const box = page.getByRole("region", { name: "Contributi simili già pubblicati" });
    // The best match first (both words); other published "velostazioni" may follow, never the pending one.
    await expect(box.getByRole("link").first()).toHaveText(`Velostazione ${token} alla fermata di Rho Fiera`);
    await expect(box.getByRole("link").first()).toHaveAttribute("href", `/contributi/${published}`);
    await expect(box.getByRole("link")).not.toHaveCount(0);
    expect(await box.getByRole("link").count()).toBeLessThanOrEqual(5);
    await expect(box).not.toContainText("in attesa");
  });

  test("support once and take it back; an approved member co-signs for the organization", async ({ page, login }) => {
    const author = await login({ name: "Autore" }); // the last login wins the cookie: sign in the supporter next
    const id = insertContribution({ title: `Un contributo da sostenere ${randomUUID().slice(0, 4)}`, authorId: author.id });
    const supporter = await login({ name: "Sostenitrice" });
    const rho = approveMembership(supporter.id, "comune-di-rho");

    await page.goto(`/contributi/${id}`);
    const support = page.locator(`form[action="/contributi/${id}/sostegno"]`);
    await support.filter({ has: page.locator('input[name="intent"][value="support"]') }).getByRole("button").click();
    await expect.poll(() => contributionById(id).supportCount).toBe(1);
    expect(supportsOf(id)).toEqual([{ userId: supporter.id, organizationId: null }]);

    // Twice is refused (a second tab, a double post): the unique index is the guard.
    const again = await page.request.post(`/contributi/${id}/sostegno`, { form: { intent: "support" }, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toContain("sostegno=contributions.support.already");
    expect(contributionById(id).supportCount).toBe(1);

    await page.goto(`/contributi/${id}`);
    await support.filter({ has: page.locator('input[name="intent"][value="unsupport"]') }).getByRole("button").click();
    await expect.poll(() => contributionById(id).supportCount).toBe(0);

    await page.goto(`/contributi/${id}`);
    await support.filter({ has: page.locator(`input[name="organizationId"][value="${rho.id}"]`) }).getByRole("button").click();
    await expect.poll(() => supportsOf(id)).toEqual([{ userId: supporter.id, organizationId: rho.id }]);
    expect(contributionById(id).supportCount).toBe(1);

    // Another organization's co-signature needs its approval.
    const legambiente = organizationBySlug("legambiente-lombardia")!;
    const refused = await page.request.post(`/contributi/${id}/sostegno`, { form: { intent: "cosign", organizationId: String(legambiente.id) }, maxRedirects: 0 });
    expect(refused.headers().location).toContain("sostegno=contributions.error.notMember");
    expect(contributionById(id).supportCount).toBe(1);
  });

  test("my contributions: withdraw with confirmation keeps the title without the text; someone else's edit page is a 404", async ({ page, login }) => {
    const other = await login({ name: "Altra persona" });
    const hers = insertContribution({ title: "Il contributo di un'altra persona", authorId: other.id, status: "pending" });
    const me = await login({ name: "Io" });
    const title = `Da ritirare ${randomUUID().slice(0, 4)}`;
    const id = insertContribution({ title, authorId: me.id, status: "published" });
    await page.goto("/account/contributi");
    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
    await expect(item).toContainText("Pubblicato");
    await expect(item.getByRole("link", { name: /Modifica/ })).toHaveCount(0); // published: no more edits
    await item.getByText("Ritira", { exact: true }).click();
    await item.getByRole("button", { name: "Sì, ritira il contributo" }).click();
    await expect(page.getByRole("status")).toContainText("Contributo ritirato.");
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) })).toContainText("Ritirato");
    expect(contributionById(id)).toMatchObject({ status: "withdrawn", body: "", title });

    const response = await page.goto(`/account/contributi/${hers}/modifica`);
    expect(response?.status()).toBe(404);
  });

  test("editing a pending contribution uses the same checks", async ({ page, login }) => {
    const me = await login();
    const id = insertContribution({ title: "Un titolo da correggere", authorId: me.id, status: "pending" });
    await page.goto(`/account/contributi/${id}/modifica`);
    await mapReady(page);
    await page.getByLabel("Titolo").fill("Un titolo corretto");
    await page.getByLabel("Rho").uncheck();
    await postGeometry(page, JSON.stringify({ type: "Point", coordinates: [9.158, 45.185] }), "save"); // Pavia
    await expect(page.locator("#geometry-error")).toContainText("fuori dal territorio della Città metropolitana di Milano");
    await expect(page.getByLabel("Titolo")).toHaveValue("Un titolo corretto");
    await expectNoA11yViolations(page, "edit page with errors");
    await mapReady(page);
    await page.getByRole("button", { name: "Cancella il disegno" }).click();
    await expect(page.getByText("Nessun luogo disegnato.")).toBeVisible();
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Rho").check();
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await expect(page).toHaveURL(/esito=updated/);
    expect(contributionById(id).title).toBe("Un titolo corretto");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole form works with plain posts: comuni from the list, similar contributions after saving the text", async ({ page, login }) => {
    const me = await login();
    const token = `Quorvex${randomUUID().slice(0, 6).replace(/-/g, "")}`;
    insertContribution({ title: `Fontanelle ${token} nei parchi di Pero` });
    await page.goto("/contributi/nuovo");
    await page.getByLabel(/^Osservazione/).check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=tema/);
    // Every STTM's targets are there without JavaScript; the server checks they match the STTM chosen.
    await expect(page.getByRole("checkbox", { name: "Servizi sovracomunali" })).toBeVisible();
    await page.getByLabel(/STTM 1/).check();
    await page.getByRole("checkbox", { name: "Servizi sovracomunali" }).check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page.locator("#targets-error")).toHaveText("I bersagli di lavoro scelti devono appartenere alla strategia scelta.");
    await page.getByRole("checkbox", { name: "Servizi sovracomunali" }).uncheck();
    await page.getByLabel("Diffusione delle NBS (Nature-Based Solutions)").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=luogo/);
    await expect(page.getByText("La mappa richiede JavaScript: scegli i comuni dall'elenco qui sotto.")).toBeVisible();
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Pero").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=testo/);
    await writeText(page, `Fontanelle ${token.toLowerCase()}`, "Mancano fontanelle d'acqua potabile nei parchi.");
    await page.getByRole("button", { name: "Salva la bozza" }).click();
    await expect(page.getByRole("region", { name: "Contributi simili già pubblicati" }).getByRole("link").first()).toHaveText(`Fontanelle ${token} nei parchi di Pero`);
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page.locator(".review-facts")).toContainText("Pero");
    await page.getByRole("button", { name: "Invia il contributo" }).click();
    await expect(page).toHaveURL(/\/account\/contributi\?esito=pending/);
    const [c] = contributionsOf(me.id);
    expect(c).toMatchObject({ status: "pending", placeKind: "comuni" });
    expect(comuniOf(c.id)).toEqual(["015170"]);
  });
});

test.describe("accessibility of the submission steps", () => {
  test("no axe violations on each step, with and without errors, in Italian and in English", async ({ page, login }) => {
    test.setTimeout(150_000);
    const me = await login();
    for (const lang of ["it", "en"] as const) {
      await page.goto("/contributi/nuovo");
      if (lang === "en") await switchLanguage(page, "en");
      for (const step of ["tipo", "tema", "luogo", "testo", "riepilogo"]) {
        await page.goto(`/contributi/nuovo?passo=${step}`);
        if (step === "luogo") await expect(page.locator(".draw-map-canvas path.comune")).toHaveCount(133);
        await expect(page.locator('nav[aria-label] li[aria-current="step"]')).toHaveCount(1);
        await expectNoA11yViolations(page, `${step} (${lang})`);
        if (step !== "riepilogo") {
          // An empty step refused: the errors are announced and tied to their fields.
          await page.locator('main button[value="next"]').click();
          await expect(page.locator(".alert-danger")).toBeVisible();
          if (step === "luogo") await expect(page.locator(".draw-map-canvas path.comune")).toHaveCount(133);
          await expectNoA11yViolations(page, `${step} with errors (${lang})`);
        } else {
          await expect(page.locator(".alert-warning")).toBeVisible();
        }
      }
      const id = insertContribution({ title: `Per la pagina di modifica ${lang}`, authorId: me.id, status: "pending" });
      await page.goto("/account/contributi");
      await expectNoA11yViolations(page, `/account/contributi (${lang})`);
      await page.goto(`/account/contributi/${id}/modifica`);
      await expect(page.locator(".draw-map-canvas path.comune")).toHaveCount(133);
      await expectNoA11yViolations(page, `edit page (${lang})`);
    }
  });
});
