// Browsing contributions: filters in the URL shared by the list and the map, Italian-friendly
// search, the clustered map (offline), the list without JavaScript, the page of a contribution with
// its moderated comments, and accessibility of both pages in Italian and English.
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { commentStatus, insertBrowseComment, insertBrowseContribution, offlineContext, uniqueWord } from "./fixtures/contributions-browse";
import { markDuplicate } from "./fixtures/moderation-item";

const MARKERS = ".leaflet-marker-pane .leaflet-marker-icon";

test.describe("the contributions list", () => {
  test("filters go into the URL, combine, and survive a reload", async ({ page }) => {
    const w = uniqueWord();
    const wanted = `Pista ciclabile ${w} verso la stazione`;
    insertBrowseContribution({ title: wanted, kind: "proposta", strategyCode: "STTM1", istat: "015182" });
    const otherKind = `Allagamento ${w} in via Roma`;
    insertBrowseContribution({ title: otherKind, kind: "segnalazione", strategyCode: "STTM1", istat: "015182" });
    const otherZone = `Piscina ${w} per la zona`;
    insertBrowseContribution({ title: otherZone, kind: "proposta", strategyCode: "STTM1", istat: "015142" });

    await page.goto("/contributi");
    await expect(page.getByRole("link", { name: "Invia un contributo" })).toHaveAttribute("href", "/contributi/nuovo");
    await page.getByLabel("Cerca nel titolo e nel testo").fill(w);
    await page.getByLabel("Strategia (STTM)").selectOption("STTM1");
    await page.getByLabel("Tipo di contributo").selectOption("proposta");
    await page.getByLabel("Zona omogenea").selectOption("nord-ovest");
    await page.getByRole("button", { name: "Applica i filtri" }).click();

    await expect(page).toHaveURL(new RegExp(`/contributi\\?q=${w}&sttm=STTM1&kind=proposta&zone=nord-ovest$`));
    const list = page.getByRole("list", { name: "Elenco dei contributi" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([wanted]);
    await expect(page.getByRole("status").filter({ hasText: "contribut" }).first()).toHaveText("1 contributo");

    await page.reload();
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([wanted]);
    await expect(page.getByLabel("Cerca nel titolo e nel testo")).toHaveValue(w);
    await expect(page.getByLabel("Tipo di contributo")).toHaveValue("proposta");
    await expect(page.getByLabel("Zona omogenea")).toHaveValue("nord-ovest");

    // Another kind, same search and zone.
    await page.getByLabel("Tipo di contributo").selectOption("segnalazione");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([otherKind]);
    // The zone off: both proposals of the word.
    await page.goto(`/contributi?q=${w}&kind=proposta`);
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([otherZone, wanted]);
  });

  test("search: «mobilita» finds a contribution titled «Mobilità…», and a word form", async ({ page }) => {
    const w = uniqueWord();
    const title = `Mobilità sostenibile alla stazione di Rho ${w}`;
    insertBrowseContribution({ title, body: "Parcheggi per biciclette custoditi e bus coordinati con i treni." });
    await page.goto("/contributi");
    await page.getByLabel("Cerca nel titolo e nel testo").fill("mobilita");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(page).toHaveURL(/\?q=mobilita$/);
    await expect(page.getByRole("list", { name: "Elenco dei contributi" }).getByRole("link", { name: title })).toBeVisible();

    await page.goto(`/contributi?q=${encodeURIComponent(`bicicletta ${w}`)}`);
    await expect(page.getByRole("list", { name: "Elenco dei contributi" }).getByRole("heading", { level: 3 })).toHaveText([title]);
  });

  test("the map shows cluster and point markers with tiles blocked, and follows the filters", async ({ page, blockedRequests }) => {
    const w = uniqueWord();
    const title = `Bosco urbano ${w} contro il calore`;
    const id = insertBrowseContribution({ title, kind: "buona_pratica", strategyCode: "STTM1", istat: "015146" });

    await page.goto("/contributi");
    const map = page.getByRole("region", { name: /^Mappa dei contributi: gruppi/ });
    await expect(map).toBeVisible();
    await expect(page.locator(`${MARKERS}.cluster-marker`).first()).toBeVisible();
    const clusters = await page.locator(`${MARKERS}.cluster-marker`).count();
    expect(clusters).toBeGreaterThan(0);
    await expect(page.locator(".map-count")).toHaveText(/\d+ contributi sulla mappa/);
    // A cluster says how many it holds, to screen readers too.
    await expect(page.locator(`${MARKERS}.cluster-marker`).first()).toHaveAttribute("aria-label", /^\d+ contributi: ingrandisci$/);
    // Boundaries drawn from the site's own GeoJSON; the tiles were asked for and blocked.
    await expect(page.locator(".leaflet-overlay-pane path")).toHaveCount(133);
    expect(blockedRequests.some((u) => u.includes("tile.openstreetmap.org"))).toBe(true);

    // A filter: the map asks again with it and shows the one matching contribution as a point.
    const answer = page.waitForResponse((r) => r.url().includes("/contributi/mappa.json") && r.url().includes(`q=${w}`));
    await page.getByLabel("Cerca nel titolo e nel testo").fill(w);
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await answer;
    const point = page.locator(`${MARKERS}.point-marker`);
    await expect(point).toHaveCount(1);
    await expect(page.locator(`${MARKERS}.cluster-marker`)).toHaveCount(0);
    await expect(point).toHaveAttribute("aria-label", `Buona pratica: ${title}`);
    await expect(page.locator(".map-count")).toHaveText("1 contributo sulla mappa");

    // Its popup links the page.
    await point.click();
    const link = page.locator(".leaflet-popup").getByRole("link", { name: title });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/contributi/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  test("clicking a cluster zooms in", async ({ page }) => {
    const zoomOf = (url: string) => Number(new URL(url).searchParams.get("zoom"));
    const first = page.waitForResponse((r) => r.url().includes("/contributi/mappa.json"));
    await page.goto("/contributi");
    const initial = zoomOf((await first).url());
    const cluster = page.locator(`${MARKERS}.cluster-marker`).first();
    await expect(cluster).toBeVisible();
    const closer = page.waitForResponse((r) => r.url().includes("/contributi/mappa.json") && zoomOf(r.url()) > initial);
    await cluster.click();
    expect(zoomOf((await closer).url())).toBeGreaterThan(initial);
  });
});

test.describe("the contributions list without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters, lists and pages through the results", async ({ page }) => {
    const w = uniqueWord();
    for (let i = 1; i <= 27; i++) insertBrowseContribution({ title: `Segnalazione ${w} numero ${i}`, kind: "segnalazione" });
    await page.goto("/contributi");
    await expect(page.getByText("La mappa richiede JavaScript. I contributi sono tutti nell'elenco.")).toBeVisible();
    await page.getByLabel("Cerca nel titolo e nel testo").fill(w);
    await page.getByLabel("Tipo di contributo").selectOption("segnalazione");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${w}&sttm=&kind=segnalazione`));
    const list = page.getByRole("list", { name: "Elenco dei contributi" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveCount(25);
    await expect(list.getByRole("heading", { level: 3 }).first()).toHaveText(`Segnalazione ${w} numero 27`);
    await expect(page.getByText("27 contributi", { exact: true })).toBeVisible();

    await page.getByRole("navigation", { name: "Pagine dell'elenco" }).getByRole("link", { name: "Successiva" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${w}&kind=segnalazione&page=2`));
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([`Segnalazione ${w} numero 2`, `Segnalazione ${w} numero 1`]);
    await expect(page.getByLabel("Tipo di contributo")).toHaveValue("segnalazione");
  });
});

test.describe("the page of a contribution", () => {
  test("shows text, themes, place on a map, supports and published comments", async ({ page }) => {
    const w = uniqueWord();
    const title = `Collegare il Villoresi a Rho ${w}`;
    const id = insertBrowseContribution({
      title,
      body: "Un **percorso** protetto lungo il canale.\n\n- attraversamento della provinciale\n- segnaletica",
      targets: ["STTM1.1"],
      objectives: ["Ob7"],
      organizationSlug: "legambiente-lombardia",
    });
    insertBrowseComment(id, "Ottima idea, la sostengo.");
    insertBrowseComment(id, "Commento ancora da moderare", { status: "pending" });

    await page.goto(`/contributi/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator(".contribution-body strong")).toHaveText("percorso");
    await expect(page.locator(".contribution-body li")).toHaveText(["attraversamento della provinciale", "segnaletica"]);
    const themes = page.getByRole("region", { name: "Temi" });
    await expect(themes).toContainText("Sviluppo e attuazione della Rete Verde Metropolitana");
    await expect(themes).toContainText("Ob7 Sviluppare la rete verde metropolitana");
    const details = page.getByRole("complementary", { name: "Dettagli" });
    await expect(details).toContainText("Legambiente Lombardia (Associazione)");
    await expect(details).toContainText("Rho");
    await expect(details).toContainText("Nord Ovest");
    await expect(page.getByRole("region", { name: "Mappa del luogo del contributo" }).locator(".place-pin")).toBeVisible();
    await expect(page.getByRole("region", { name: "Sostegni" })).toContainText("0 sostegni");
    const comments = page.getByRole("list", { name: "Commenti al contributo" });
    await expect(comments.getByRole("listitem")).toHaveCount(1);
    await expect(comments).toContainText("Ottima idea, la sostengo.");
    await expect(page.getByText("Commento ancora da moderare")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Accedi per commentare" })).toBeVisible();
  });

  test("a comment is pending for its author and invisible to others until staff approve it", async ({ page, login, browser, baseURL }) => {
    const w = uniqueWord();
    const id = insertBrowseContribution({ title: `Zona 30 davanti alle scuole ${w}` });
    await login({ name: "Chiara Verdi" });
    await page.goto(`/contributi/${id}`);
    const text = `Serve anche un attraversamento rialzato ${w}`;
    await page.getByLabel("Il tuo commento").fill(text);
    await page.getByRole("button", { name: "Invia il commento" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Commento inviato" })).toBeVisible();
    const mine = page.locator(".comment", { hasText: text });
    await expect(mine).toContainText("Chiara Verdi");
    await expect(mine).toContainText("in attesa di moderazione");

    const anonymous = await offlineContext(browser, baseURL!);
    await anonymous.page.goto(`/contributi/${id}`);
    await expect(anonymous.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(anonymous.page.getByText(text)).toHaveCount(0);
    const other = await offlineContext(browser, baseURL!, { name: "Altro partecipante" });
    await other.page.goto(`/contributi/${id}`);
    await expect(other.page.getByText(text)).toHaveCount(0);

    const staff = await offlineContext(browser, baseURL!, { role: "staff", name: "Redazione" });
    await staff.page.goto(`/contributi/${id}`);
    const pending = staff.page.locator(".comment", { hasText: text });
    await pending.getByRole("button", { name: "Approva" }).click();
    await expect(staff.page.getByRole("status").filter({ hasText: "Commento approvato" })).toBeVisible();
    const commentId = Number((await staff.page.locator(".comment article", { hasText: text }).getAttribute("id"))!.replace("commento-", ""));
    expect(commentStatus(commentId)).toBe("published");

    await anonymous.page.reload();
    await expect(anonymous.page.getByText(text)).toBeVisible();
    await expect(anonymous.page.getByRole("heading", { name: /Commenti \(1\)/ })).toBeVisible();
    await Promise.all([anonymous.context.close(), other.context.close(), staff.context.close()]);
  });

  test("duplicate marks: the duplicate names its original, the original its published duplicates only", async ({ page }) => {
    const w = uniqueWord();
    const original = insertBrowseContribution({ title: `Più alberi in piazza a Rho ${w}` });
    const copy = insertBrowseContribution({ title: `Alberi nella piazza di Rho ${w}` });
    const waiting = insertBrowseContribution({ title: `Ancora alberi in piazza ${w}`, status: "pending" });
    markDuplicate(copy, original);
    markDuplicate(waiting, original);

    await page.goto(`/contributi/${copy}`);
    const onCopy = page.getByRole("note").filter({ hasText: "Segnalato come duplicato di" });
    await expect(onCopy).toHaveText(`Segnalato come duplicato di «Più alberi in piazza a Rho ${w}»`);
    await expect(onCopy.getByRole("link")).toHaveAttribute("href", `/contributi/${original}`);

    await page.goto(`/contributi/${original}`);
    const onOriginal = page.getByRole("note").filter({ hasText: "Segnalati come duplicati:" });
    await expect(onOriginal).toHaveText(`Segnalati come duplicati: «Alberi nella piazza di Rho ${w}»`);
    await expect(onOriginal.getByRole("link")).toHaveAttribute("href", `/contributi/${copy}`);
    await expect(page.getByText(`Ancora alberi in piazza ${w}`)).toHaveCount(0);
    await expectNoA11yViolations(page, "contribution page with duplicates (it)");
  });

  test("a withdrawn contribution shows its title and dates, not its text", async ({ page }) => {
    const w = uniqueWord();
    const id = insertBrowseContribution({ title: `Proposta ritirata ${w}`, body: `Testo riservato ${w}`, status: "withdrawn" });
    await page.goto(`/contributi/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Proposta ritirata ${w}`);
    await expect(page.getByText("Contributo ritirato dall'autore.")).toBeVisible();
    await expect(page.getByText(`Testo riservato ${w}`)).toHaveCount(0);
    await page.goto(`/contributi?q=${w}`);
    await expect(page.getByText("Nessun contributo corrisponde ai filtri.")).toBeVisible();
  });
});

test.describe("accessibility", () => {
  test("no axe violations on /contributi with filters, in Italian and English", async ({ page }) => {
    await page.goto("/contributi?kind=proposta&zone=nord-ovest&from=2024-01-01");
    await expect(page.locator(`${MARKERS}`).first()).toBeVisible();
    await expectNoA11yViolations(page, "/contributi (it)");
    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1, name: "Contributions" })).toBeVisible();
    await expect(page.locator(`${MARKERS}`).first()).toBeVisible();
    await expectNoA11yViolations(page, "/contributi (en)");
  });

  test("no axe violations on a contribution page, in Italian and English", async ({ page, login }) => {
    const w = uniqueWord();
    const id = insertBrowseContribution({ title: `Tetti verdi sulle scuole ${w}`, targets: ["STTM1.3"], objectives: ["Ob1"] });
    insertBrowseComment(id, "Un commento pubblicato.");
    await login({ name: "Lettrice" });
    await page.goto(`/contributi/${id}`);
    await expect(page.locator(".place-pin")).toBeVisible();
    await expectNoA11yViolations(page, `/contributi/${id} (it)`);
    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 2, name: "Themes" })).toBeVisible();
    await expect(page.locator(".place-pin")).toBeVisible();
    await expectNoA11yViolations(page, `/contributi/${id} (en)`);
  });
});
