// STTM drafts: import with review, section editor with live preview, publication, the public
// reading view (with and without JavaScript), compare, who may do what, accessibility.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { createDraftVersion, freeStrategy, setVersionStatus, versionByLabel } from "./fixtures/drafts";

const FIXTURES = path.resolve("app/domain/drafts/fixtures");
const V01 = fs.readFileSync(path.join(FIXTURES, "sttm1-v0.1.md"), "utf8");
const V02 = fs.readFileSync(path.join(FIXTURES, "sttm1-v0.2.md"), "utf8");
const OUTLINE = ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.1.1", "2.1.2", "2.2", "2.3", "2.4", "3", "3.1"];

/** A context without JavaScript, offline like the test's own. */
async function noScriptPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "it-IT", timezoneId: "Europe/Rome" });
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort("internetdisconnected"),
  );
  return { page: await context.newPage(), close: () => context.close() };
}

test("staff import a Markdown version, review it, edit a section with live preview and publish it; the public reads it", async ({
  page,
  login,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await login({ role: "staff" });
  // Only one version per STTM may be in consultation: take one that has none now.
  const code = freeStrategy();
  const label = `v0.1 – progetto preliminare (e2e ${Date.now()})`;
  let versionId = 0;
  try {
    await page.goto("/gestione/bozze");
    await page.getByRole("link", { name: "Importa una versione da file" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importa una versione da file");
    await page.getByLabel("Strategia", { exact: true }).selectOption(code);
    await page.getByLabel(/^File/).setInputFiles(path.join(FIXTURES, "sttm1-v0.1.md"));
    await page.getByLabel("Etichetta della versione").fill(label);
    await page.getByRole("button", { name: "Carica e verifica" }).click();

    // The review shows the tree, numbers kept, before anything is saved.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verifica l'importazione");
    const rows = page.getByRole("table", { name: "Sezioni lette dal file" }).locator("tbody tr");
    await expect(rows).toHaveCount(13);
    await expect(rows.locator("td:first-child")).toHaveText(OUTLINE);
    await expect(rows.nth(9)).toContainText("Nature-Based Solutions (NBS)");
    await expect(rows.nth(9)).toContainText("Le soluzioni basate sulla natura");
    await page.getByRole("button", { name: "Salva come nuova versione" }).click();

    await expect(page).toHaveURL(/\/gestione\/bozze\/\d+\?ok=imported$/);
    versionId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByRole("status")).toContainText("Versione importata");
    await expect(page.getByRole("heading", { name: "Sezioni (13)" })).toBeVisible();

    // Section editor: the preview follows the typing (server-side rendering, sanitized).
    await page.getByRole("link", { name: "Modifica la sezione 2.3" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sezione 2.3");
    const body = page.getByLabel("Testo (Markdown)");
    await body.fill("Le NBS vanno adottate **in tutti gli interventi pubblici**.\n\n- tetti verdi\n- giardini della pioggia\n\n<script>alert(1)</script>");
    const preview = page.getByRole("region", { name: "Anteprima" });
    await expect(preview.locator("strong")).toHaveText("in tutti gli interventi pubblici");
    await expect(preview.getByRole("listitem")).toHaveText(["tetti verdi", "giardini della pioggia"]);
    await expect(preview.locator("script")).toHaveCount(0);
    await expect(preview).toContainText("<script>alert(1)</script>");
    await page.getByRole("button", { name: "Salva", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Sezione salvata.");

    // Publish with a window: today → today + 90 days (the form's defaults).
    await page.getByRole("link", { name: `Torna a ${label}` }).click();
    await page.getByRole("button", { name: "Pubblica in consultazione" }).click();
    await expect(page.getByRole("status")).toHaveText("Versione pubblicata: è in consultazione.");
    await expect(page.getByText(/Messa a disposizione il \d+ \w+ \d{4}: da questa data si contano i 90 giorni dell'art\. 7bis/)).toBeVisible();
    // Published versions are frozen: no edit links any more.
    await expect(page.getByRole("link", { name: "Modifica la sezione 2.3" })).toHaveCount(0);

    // The public reading view.
    await context.clearCookies();
    const readPath = `/strategie/${code}/bozze/${versionId}`;
    await page.goto(readPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
    await expect(page.getByText(/Messa a disposizione il .*: da questa data si contano i 90 giorni dell'art\. 7bis\. L'adozione non può avvenire prima del/)).toBeVisible();
    const toc = page.getByRole("navigation", { name: "Indice" });
    await expect(toc.getByRole("link")).toHaveCount(13);
    const heading = page.getByRole("heading", { name: /^2\.3 Nature-Based Solutions \(NBS\)/ });
    await expect(heading).toHaveAttribute("id", "sezione-2-3");
    await expect(heading.getByRole("link", { name: "Link permanente alla sezione 2.3" })).toHaveAttribute("href", "#sezione-2-3");
    await expect(page.locator("#sezione-2-3 ~ .draft-body strong, section[aria-labelledby='sezione-2-3'] strong")).toHaveText("in tutti gli interventi pubblici");
    await expect(page.getByRole("link", { name: "Commenti ed emendamenti sulla sezione 2.3" })).toHaveAttribute("href", new RegExp(`^${readPath}/sezioni/\\d+$`));
    await expectNoA11yViolations(page, "reading view after publication");

    // Without JavaScript: the table of contents and the anchors work, the compare form too.
    const noJs = await noScriptPage(browser, baseURL!);
    try {
      await noJs.page.goto(readPath);
      await noJs.page.getByRole("navigation", { name: "Indice" }).getByRole("link", { name: "2.3 Nature-Based Solutions (NBS)" }).click();
      await expect(noJs.page).toHaveURL(new RegExp(`${readPath}#sezione-2-3$`));
      await expect(noJs.page.locator("#sezione-2-3")).toBeInViewport();
      await noJs.page.goto(`/strategie/${code}/bozze`);
      await expect(noJs.page.getByRole("link", { name: label })).toBeVisible();
    } finally {
      await noJs.close();
    }
  } finally {
    // Free the STTM for other specs that need a version in consultation.
    if (versionId) setVersionStatus(versionId, "chiusa");
  }
});

test("comparing v0.1 and v0.2 shows the sections changed, added, removed and moved, with a word diff", async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  const v1 = createDraftVersion({ strategyCode: "STTM1", label: `v0.1 confronto ${stamp}`, markdown: V01, status: "chiusa" });
  const v2 = createDraftVersion({ strategyCode: "STTM1", label: `v0.2 confronto ${stamp}`, markdown: V02, status: "chiusa", previous: v1 });
  await page.goto(`/strategie/STTM1/confronta?da=${v1.id}&a=${v2.id}`);
  await expect(page.locator(".compare-summary li")).toHaveText([
    "Sezioni modificate: 1",
    "Sezioni aggiunte: 1",
    "Sezioni rimosse: 1",
    "Sezioni spostate o rinumerate: 1",
    "Sezioni invariate (non mostrate): 10",
  ]);
  const entries = page.locator("article.compare-entry");
  await expect(entries.getByRole("heading")).toHaveText([
    "1.2 Aree dismesse e sottoutilizzate",
    "2.3 Nature-Based Solutions (NBS)",
    "3.2 Premialità per gli interventi NBS",
    "3.3 Indicatori di monitoraggio",
  ]);
  await expect(entries.nth(0)).toContainText("Rimossa");
  await expect(entries.nth(1)).toContainText("Modificata");
  await expect(entries.nth(1).locator("ins").first()).toContainText("chiede");
  await expect(entries.nth(1).locator("del").first()).toContainText("propone");
  // Not colour alone: the inserted and deleted text is announced in words.
  await expect(entries.nth(1).locator("ins").first()).toContainText("inizio testo aggiunto");
  await expect(entries.nth(2)).toContainText("Aggiunta");
  await expect(entries.nth(3)).toContainText("Spostata: da 2.4 a 3.3 — prima sotto 2, ora sotto 3");
  await expectNoA11yViolations(page, "compare view");

  // The GET form works without JavaScript.
  const noJs = await noScriptPage(browser, baseURL!);
  try {
    await noJs.page.goto(`/strategie/STTM1/confronta?da=${v2.id}&a=${v2.id}`);
    await noJs.page.getByLabel("Versione di partenza").selectOption(String(v1.id));
    await noJs.page.getByRole("button", { name: "Confronta" }).click();
    await expect(noJs.page).toHaveURL(new RegExp(`da=${v1.id}&a=${v2.id}$`));
    await expect(noJs.page.locator(".compare-summary li").first()).toHaveText("Sezioni modificate: 1");
  } finally {
    await noJs.close();
  }
});

test("only staff author: a participant gets 403 in the editor and 404 on a bozza; the public cannot compare bozze", async ({ page, login }) => {
  const bozza = createDraftVersion({ strategyCode: "STTM3", label: `bozza riservata ${Date.now()}`, markdown: V01 });
  const published = versionByLabel("STTM1", "v0.1 – progetto preliminare");

  let response = await page.goto(`/strategie/STTM3/bozze/${bozza.id}`);
  expect(response?.status()).toBe(404);
  response = await page.goto(`/strategie/STTM3/confronta?da=${bozza.id}&a=${bozza.id}`);
  expect(response?.status()).toBe(404);
  response = await page.goto("/gestione/bozze");
  await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Fgestione%2Fbozze$/);

  await login({ role: "participant" });
  for (const url of ["/gestione/bozze", "/gestione/bozze/importa", `/gestione/bozze/${bozza.id}`, `/gestione/bozze/${bozza.id}/sezioni/${bozza.sectionTextIds["2.3"]}`]) {
    response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
  response = await page.goto(`/strategie/STTM3/bozze/${bozza.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(bozza.label)).toHaveCount(0);
  // The bozza is not listed either; the published demo version is.
  await page.goto("/strategie/STTM3/bozze");
  await expect(page.getByRole("link", { name: bozza.label })).toHaveCount(0);
  response = await page.goto(`/strategie/STTM1/bozze/${published.id}`);
  expect(response?.status()).toBe(200);
});

for (const lang of ["it", "en"] as const) {
  test(`drafts pages pass axe in ${lang}: reading view, compare, editor, section editor, import review`, async ({ page, login }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const v1 = createDraftVersion({ strategyCode: "STTM1", label: `v0.1 axe ${lang} ${stamp}`, markdown: V01, status: "chiusa" });
    const v2 = createDraftVersion({ strategyCode: "STTM1", label: `v0.2 axe ${lang} ${stamp}`, markdown: V02, status: "bozza", previous: v1 });
    const demo = versionByLabel("STTM1", "v0.1 – progetto preliminare");
    await login({ role: "staff" });
    await page.goto("/");
    if (lang === "en") await switchLanguage(page, "en");
    const pages = [
      `/strategie/STTM1/bozze`,
      `/strategie/STTM1/bozze/${demo.id}`,
      `/strategie/STTM1/bozze/${v2.id}`,
      `/strategie/STTM1/confronta?da=${v1.id}&a=${v2.id}`,
      `/gestione/bozze`,
      `/gestione/bozze/${v2.id}`,
      `/gestione/bozze/${v2.id}/sezioni/${v2.sectionTextIds["2.3"]}`,
      `/gestione/bozze/${v1.id}`,
      `/gestione/bozze/importa`,
    ];
    for (const url of pages) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoA11yViolations(page, `${url} (${lang})`);
    }
    // The import review, from the Word fixture (nothing is saved).
    await page.locator("#imp-strategy").selectOption("STTM3");
    await page.locator("#imp-file").setInputFiles(path.join(FIXTURES, "sttm1-estratto.docx"));
    await page.getByRole("main").locator("button[type=submit]").click();
    const rows = page.locator("table.import-tree tbody tr");
    await expect(rows).toHaveCount(7);
    await expect(rows.nth(2)).toContainText("Aree dismesse e sottoutilizzate");
    await expect(page.locator("#imp-markdown")).toHaveValue(/\| Nord Milano \| 64 \| 210 \|/);
    await expectNoA11yViolations(page, `import review (${lang})`);
  });
}
