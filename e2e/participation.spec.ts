// Section participation: comments and amendments on a draft section, their moderation, the
// consultation window, rich text that cannot run scripts, and accessibility of the section page.
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { createUser } from "./fixtures/db";
import { outboxFor } from "./fixtures/meetings";
import {
  closeConsultation,
  createConsultation,
  createNextVersion,
  insertAmendment,
  insertComment,
  participationRows,
  SECTIONS,
  setCommentWindow,
  signInContext,
  type Consultation,
} from "./fixtures/drafts-participation";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";

// Only one version per STTM can be in consultation: the tests of this file take turns.
test.describe.configure({ mode: "default" });

let consultation: Consultation | null = null;
test.afterEach(() => {
  if (consultation) closeConsultation(consultation);
  consultation = null;
});

async function newPage(browser: Browser, baseURL: string, opts: { role?: "participant" | "staff"; javaScriptEnabled?: boolean; signedIn?: boolean } = {}) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: opts.javaScriptEnabled ?? true, locale: "it-IT", timezoneId: "Europe/Rome" });
  const user = opts.signedIn === false ? null : await signInContext(context, baseURL, { role: opts.role ?? "participant" });
  return { page: await context.newPage(), user, close: () => context.close() };
}

test("a citizen comments and proposes an amendment: pending for the author, unseen by the public until staff approve", async ({ page, login, browser, baseURL }) => {
  const c = (consultation = createConsultation({ sections: SECTIONS }));
  const citizen = await login({ name: "Chiara Rossi" });
  await page.goto(c.path("2.3"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2.3 Rete verde metropolitana");
  await expect(page.getByRole("link", { name: /Torna al testo di STTM \d, v0\.1/ })).toHaveAttribute("href", `/strategie/${c.strategyCode}/bozze/${c.versionId}`);

  await page.getByLabel("Il tuo commento").fill("Serve un corridoio verde lungo il **Lambro**.");
  await page.getByRole("button", { name: "Invia il commento" }).click();
  await expect(page.getByRole("status")).toHaveText("Commento inviato: sarà visibile a tutti dopo la moderazione.");
  const comment = page.locator(".comments article").filter({ hasText: "corridoio verde lungo il Lambro" });
  await expect(comment).toContainText("in attesa di moderazione");
  await expect(comment).toContainText("Chiara Rossi");
  await expect(comment).toContainText("su v0.1 (questa versione)");
  await expect(comment.locator("strong", { hasText: "Lambro" })).toBeVisible();
  await expect(page.getByLabel("Il tuo commento")).toHaveValue("");

  await page.getByText("Proponi un emendamento").click();
  const proposed = page.getByLabel("Testo proposto per la sezione");
  await expect(proposed).toHaveValue(SECTIONS[2].body);
  await proposed.fill("La rete verde collega i parchi regionali e i fiumi della pianura.");
  await page.getByLabel("Motivazione").fill("I fiumi sono già corridoi naturali.");
  await page.getByRole("button", { name: "Invia l'emendamento" }).click();
  await expect(page.getByRole("status")).toHaveText("Emendamento inviato: sarà visibile a tutti dopo la moderazione.");
  const amendment = page.locator(".amendments article");
  await expect(amendment).toHaveCount(1);
  await expect(amendment).toContainText("in attesa di moderazione");
  await expect(amendment.locator("del")).toHaveText("[testo rimosso: corridoi ecologici]");
  await expect(amendment.locator("ins")).toHaveText("[testo aggiunto: fiumi]");
  await page.screenshot({ path: test.info().outputPath("section-page-author.png"), fullPage: true });
  expect(participationRows(c.sections["2.3"]).comments.map((r) => r.status)).toEqual(["pending"]);

  // The public (and any other participant) does not see them yet.
  const anon = await newPage(browser, baseURL!, { signedIn: false });
  await anon.page.goto(c.path("2.3"));
  await expect(anon.page.getByText("corridoio verde lungo il")).toHaveCount(0);
  await expect(anon.page.locator(".amendments article")).toHaveCount(0);
  await expect(anon.page.getByText("Nessun commento per ora.")).toBeVisible();
  await expect(anon.page.getByRole("link", { name: "Accedi per commentare o proporre un emendamento" })).toHaveAttribute(
    "href",
    `/accedi?redirectTo=${encodeURIComponent(c.path("2.3"))}`,
  );
  await expect(anon.page.getByLabel("Il tuo commento")).toHaveCount(0);

  // Staff approve both on the section page.
  const staff = await newPage(browser, baseURL!, { role: "staff" });
  await staff.page.goto(c.path("2.3"));
  await staff.page.locator(".comments article").filter({ hasText: "Lambro" }).getByRole("button", { name: "Approva" }).click();
  await expect(staff.page.getByRole("status")).toContainText("approvato e pubblicato");
  await staff.page.locator(".amendments article").getByRole("button", { name: "Approva" }).click();
  await expect(staff.page.getByRole("status")).toContainText("approvato e pubblicato");
  await expect(staff.page.locator(".amendments article .status-badge")).toHaveText("pubblicato");

  await anon.page.reload();
  await expect(anon.page.locator(".comments article").filter({ hasText: "corridoio verde lungo il Lambro" })).not.toContainText("in attesa");
  const publicAmendment = anon.page.locator(".amendments article");
  await expect(publicAmendment).toContainText("Emendamento di Chiara Rossi");
  await expect(publicAmendment.locator("ins")).toContainText("fiumi");
  await expect(publicAmendment.locator("del")).toContainText("corridoi ecologici");
  await expect(publicAmendment).toContainText("I fiumi sono già corridoi naturali.");
  await expect(anon.page.getByRole("heading", { name: "Commenti (1)" })).toBeVisible();

  const mail = outboxFor(citizen.id);
  expect(mail.map((m) => m.subject)).toEqual(["Il tuo commento è stato pubblicato", "Il tuo emendamento è stato pubblicato"]);
  expect(mail[0].link).toMatch(new RegExp(`^${c.path("2.3")}#commento-\\d+$`));
  await Promise.all([anon.close(), staff.close()]);
});

test("a reply threads under its comment; a comment made on v0.1 is still on the section in v0.2, labelled v0.1", async ({ page, login }) => {
  const v1 = (consultation = createConsultation({ sections: SECTIONS }));
  const author = createUser({ name: "Piero Neri" });
  insertComment({ versionId: v1.versionId, sectionId: v1.sections["2.3"], authorId: author.id, body: "Osservazione sulla prima stesura" });
  const v2 = (consultation = createNextVersion(v1, { label: "v0.2", bodies: { "2.3": "Testo riscritto per la v0.2." } }));
  expect(v2.sections["2.3"]).toBe(v1.sections["2.3"]);

  await login({ name: "Sara Gialli" });
  await page.goto(v2.path("2.3"));
  await expect(page.locator(".section-body")).toHaveText("Testo riscritto per la v0.2.");
  const first = page.locator(".comments > li > article").filter({ hasText: "Osservazione sulla prima stesura" });
  await expect(first).toContainText("su v0.1");
  await expect(first).not.toContainText("questa versione");
  await first.getByText("Rispondi a Piero Neri").click();
  await first.getByLabel("La tua risposta").fill("Concordo, va ripresa nella v0.2.");
  await first.getByRole("button", { name: "Invia la risposta" }).click();
  const replies = page.getByRole("list", { name: "Risposte al commento di Piero Neri" });
  await expect(replies.locator("article")).toContainText("Concordo, va ripresa nella v0.2.");
  await expect(replies.locator("article")).toContainText("su v0.2 (questa versione)");
  await expect(replies.locator("article")).toContainText("in attesa di moderazione");
});

test("outside the consultation window a submission is refused with the dates, and nothing typed is lost", async ({ page, login, browser, baseURL }) => {
  const c = (consultation = createConsultation({ sections: SECTIONS }));
  await login();
  await page.goto(c.path("2.3"));
  const typed = "Un commento lungo e pensato,\nscritto mentre la consultazione si chiudeva.";
  await page.getByLabel("Il tuo commento").fill(typed);
  // The window closes while the participant is writing.
  setCommentWindow(c, new Date(Date.now() - 10 * 86_400_000), new Date(Date.now() - 60_000));
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Invia il commento" }).click();
  expect((await response).status()).toBe(409);
  await expect(page.getByRole("alert")).toContainText(/Non è possibile inviare: la consultazione su v0\.1 era aperta dal \d+ \w+ \d{4}.* al \d+ \w+ \d{4}/);
  await expect(page.getByRole("alert")).toContainText("Il testo che hai scritto è ancora qui sotto.");
  await expect(page.getByLabel("Il tuo commento")).toHaveValue(typed);
  await expect(page.getByLabel("Il tuo commento")).toHaveAttribute("aria-describedby", /comment-error/);

  // Without JavaScript too (a plain form post), for an amendment.
  setCommentWindow(c, new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
  const nojs = await newPage(browser, baseURL!, { javaScriptEnabled: false });
  await nojs.page.goto(c.path("2.3"));
  await nojs.page.getByText("Proponi un emendamento").click();
  await nojs.page.getByLabel("Testo proposto per la sezione").fill("Testo alternativo proposto senza JavaScript.");
  await nojs.page.getByLabel("Motivazione").fill("Motivo scritto con cura.");
  setCommentWindow(c, new Date(Date.now() - 10 * 86_400_000), new Date(Date.now() - 60_000));
  const refused = nojs.page.waitForResponse((r) => r.request().method() === "POST");
  await nojs.page.getByRole("button", { name: "Invia l'emendamento" }).click();
  expect((await refused).status()).toBe(409);
  await expect(nojs.page.getByRole("alert")).toContainText("era aperta dal");
  await expect(nojs.page.getByLabel("Testo proposto per la sezione")).toHaveValue("Testo alternativo proposto senza JavaScript.");
  await expect(nojs.page.getByLabel("Motivazione")).toHaveValue("Motivo scritto con cura.");
  // …and once the page is reloaded the forms are replaced by the notice with the dates.
  await nojs.page.goto(c.path("2.3"));
  await expect(nojs.page.getByText(/Commenti ed emendamenti su v0\.1 si sono chiusi il/)).toBeVisible();
  await expect(nojs.page.getByLabel("Il tuo commento")).toHaveCount(0);
  expect(participationRows(c.sections["2.3"])).toEqual({ comments: [], amendments: [] });
  await nojs.close();
});

/** Inspects the rendered page: nothing ran, and nothing that could run is in the DOM. */
async function expectInert(page: Page, label: string) {
  const report = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
    const main = document.querySelector("main")!;
    const bad: string[] = [];
    const URL_ATTRS = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background", "srcset"];
    for (const el of [main, ...Array.from(main.querySelectorAll("*"))]) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        // Browsers ignore control characters and spaces inside a URL scheme ("java\tscript:").
        const value = Array.from(attr.value).filter((ch) => ch.charCodeAt(0) > 0x20).join("").toLowerCase();
        if (name.startsWith("on")) bad.push(`<${el.tagName.toLowerCase()} ${name}>`);
        if (URL_ATTRS.includes(name) && /^(javascript|data|vbscript):/.test(value)) bad.push(`<${el.tagName.toLowerCase()} ${name}="${value.slice(0, 40)}">`);
      }
    }
    const content = Array.from(document.querySelectorAll(".section-body, .comment-body, .amendment-rationale, .diff-text, .proposed-text"));
    const DANGEROUS = "script,iframe,frame,object,embed,applet,svg,math,style,link,meta,base,form,input,button,textarea,select,noscript,video,audio,source,details,template,body";
    for (const root of content) {
      for (const el of Array.from(root.querySelectorAll(DANGEROUS))) bad.push(`${el.tagName.toLowerCase()} inside ${root.className}`);
      for (const el of Array.from(root.querySelectorAll("[style]"))) bad.push(`style attribute on ${el.tagName.toLowerCase()}`);
    }
    // Every script on the page is one of the app's own, carrying the response's nonce.
    const foreignScripts = Array.from(document.querySelectorAll("script"))
      .filter((s) => !s.nonce)
      .map((s) => s.outerHTML.slice(0, 80));
    return { bad, foreignScripts, xss: w.__xss, csp: w.__cspViolations ?? [], contentBlocks: content.length };
  });
  expect(report.bad, `${label}: dangerous markup`).toEqual([]);
  expect(report.foreignScripts, `${label}: scripts without the nonce`).toEqual([]);
  expect(report.xss, `${label}: window.__xss`).toBeUndefined();
  expect(report.csp, `${label}: CSP violations (something tried to run)`).toEqual([]);
  return report;
}

test("≥ 30 XSS payloads in a section body, a comment and an amendment render without running anything", async ({ page, login }) => {
  test.setTimeout(180_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const dialogs: string[] = [];
  const hits: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    if (/xss-hit/.test(r.url())) hits.push(r.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      // zod's feature probe (`new Function("")`) from the app's own bundle is refused by the CSP, harmlessly; anything else counts.
      if (e.blockedURI === "eval" && new URL(e.sourceFile, location.href).origin === location.origin && /\/build[^/]*\//.test(e.sourceFile)) return;
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });

  const c = (consultation = createConsultation({
    sections: XSS_PAYLOADS.map((p, i) => ({ number: `9.${i + 1}`, title: `Prova ${i + 1}`, body: p.payload })),
  }));
  const author = createUser({ name: "Autrice delle prove" });
  for (const [i, p] of XSS_PAYLOADS.entries()) {
    const sectionId = c.sections[`9.${i + 1}`];
    insertComment({ versionId: c.versionId, sectionId, authorId: author.id, body: p.payload });
    insertAmendment({ versionId: c.versionId, sectionId, authorId: author.id, proposedText: `${p.payload}\nTesto aggiunto.`, rationale: p.payload });
  }

  // Signed in while the window is open, so the amendment form (pre-filled with the body) is on the page too.
  await login();
  for (const [i, p] of XSS_PAYLOADS.entries()) {
    await page.goto(c.path(`9.${i + 1}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`9.${i + 1} Prova ${i + 1}`);
    await expect(page.locator(".comments article")).toHaveCount(1);
    await expect(page.locator(".amendments article")).toHaveCount(1);
    await page.getByText("Proponi un emendamento").click();
    await expect(page.getByLabel("Testo proposto per la sezione")).toHaveValue(p.payload.trim());
    await page.locator(".amendments summary", { hasText: "Testo proposto completo" }).click(); // the full proposed text (not the report form)
    const report = await expectInert(page, p.name);
    expect(report.contentBlocks, p.name).toBeGreaterThanOrEqual(4);
  }
  // Give any late handler (onerror of an image, a meta refresh) a moment to fire.
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(hits).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});

test("axe: no violations on the section page (public, author with pending items and an error, staff; Italian and English)", async ({ page, login, browser, baseURL }) => {
  test.setTimeout(60_000);
  const c = (consultation = createConsultation({ sections: SECTIONS }));
  const someone = createUser({ name: "Luca Blu" });
  const root = insertComment({ versionId: c.versionId, sectionId: c.sections["2.3"], authorId: someone.id, body: "Un commento **pubblicato** con [un link](https://www.cittametropolitana.mi.it/)." });
  insertComment({ versionId: c.versionId, sectionId: c.sections["2.3"], authorId: someone.id, body: "Una risposta.", parentId: root });
  insertAmendment({
    versionId: c.versionId,
    sectionId: c.sections["2.3"],
    authorId: someone.id,
    proposedText: "La rete verde collega i parchi e i fiumi della pianura.",
    rationale: "Perché i fiumi contano.",
  });

  // The public, in Italian and in English.
  const anon = await newPage(browser, baseURL!, { signedIn: false });
  await anon.page.goto(c.path("2.3"));
  await expectNoA11yViolations(anon.page, "section page, public, it");
  await switchLanguage(anon.page, "en");
  await expect(anon.page.getByRole("heading", { name: /Proposed amendments/ })).toBeVisible();
  await expectNoA11yViolations(anon.page, "section page, public, en");
  await anon.close();

  // The author, with pending items and a refused (empty) comment.
  const me = await login({ name: "Elena Viola" });
  insertComment({ versionId: c.versionId, sectionId: c.sections["2.3"], authorId: me.id, body: "Il mio commento in attesa.", status: "pending" });
  insertAmendment({ versionId: c.versionId, sectionId: c.sections["2.3"], authorId: me.id, proposedText: "Una mia proposta in attesa.", status: "pending" });
  await page.goto(c.path("2.3"));
  await expect(page.getByText("in attesa di moderazione")).toHaveCount(2);
  await page.getByRole("button", { name: "Invia il commento" }).click();
  await expect(page.getByRole("alert")).toContainText("Scrivi il testo del commento.");
  await expect(page.getByLabel("Il tuo commento")).toHaveAttribute("aria-invalid", "true");
  await page.getByText("Proponi un emendamento").click();
  await page.locator(".comments details summary").first().click();
  await expectNoA11yViolations(page, "section page, author, it");
  await switchLanguage(page, "en");
  await expect(page.getByText("awaiting moderation")).toHaveCount(2);
  await expectNoA11yViolations(page, "section page, author, en");

  // Staff, with the moderation controls.
  const staff = await newPage(browser, baseURL!, { role: "staff" });
  await staff.page.goto(c.path("2.3"));
  await expect(staff.page.getByRole("button", { name: "Approva" })).toHaveCount(2);
  await expectNoA11yViolations(staff.page, "section page, staff, it");
  await staff.page.screenshot({ path: test.info().outputPath("section-page-staff.png"), fullPage: true });
  await switchLanguage(staff.page, "en");
  await expectNoA11yViolations(staff.page, "section page, staff, en");
  await staff.close();
});
