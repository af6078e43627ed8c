// Moderation: the acceptance scenario (send back, edit, publish, link to § 2.3 with an outcome, seen
// by the public and the author), reports hiding a comment and a moderator restoring it (with the
// audit log in order), and axe on every moderation page in Italian and English.
import { expect, expectNoA11yViolations, switchLanguage, test } from "./fixtures/test";
import { createUser } from "./fixtures/db";
import { contributionById, insertContribution } from "./fixtures/contributions";
import { versionByLabel } from "./fixtures/drafts";
import { commentStatus, insertContributionComment, sectionIdOf, signInAs, zoneOf } from "./fixtures/moderation";

const MAGENTA = "015130";
const DEMO_STTM1 = "v0.1 – progetto preliminare";

test.describe("moderation", () => {
  test("send back, edit, publish, link to § 2.3 as partly accepted: the public page, the section and the author's messages show it", async ({ page, context, baseURL }) => {
    const citizen = createUser({ name: "Cittadina Moderata" });
    const staff = createUser({ role: "staff", name: "Redazione" });
    const title = `Corridoio verde lungo il Naviglio ${Date.now()}`;
    const id = insertContribution({ title, body: "Propongo un corridoio verde lungo il Naviglio Grande.", authorId: citizen.id, status: "pending", istat: MAGENTA });
    const queueUrl = `/gestione/moderazione?tipo=contribution&zona=${zoneOf(MAGENTA)}`;

    // Staff send it back with a message.
    await signInAs(context, baseURL!, staff.id);
    await page.goto(queueUrl);
    const row = page.getByRole("row").filter({ hasText: title });
    await row.getByRole("link", { name: "Esamina" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.getByLabel("Messaggio per l'autore").fill("Indica il tratto del Naviglio, per favore.");
    await page.getByRole("button", { name: "Rimanda all'autore" }).click();
    await expect(page.getByRole("status")).toContainText("rimandato all'autore");
    await page.goto(queueUrl);
    await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);

    // The citizen reads the message and edits.
    await signInAs(context, baseURL!, citizen.id);
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "La redazione ti chiede di modificare il tuo contributo" }).first()).toHaveAttribute("href", `/account/contributi/${id}/modifica`);
    await page.goto(`/account/contributi/${id}/modifica`);
    await page.locator("#f-body").fill("Propongo un corridoio verde lungo il Naviglio Grande, nel tratto tra Robecco e Magenta.");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await expect(page).toHaveURL(/esito=updated/);

    // Back in the queue: staff publish it from its row.
    await signInAs(context, baseURL!, staff.id);
    await page.goto(queueUrl);
    await page.getByRole("row").filter({ hasText: title }).getByRole("button", { name: "Pubblica" }).click();
    await expect(page.getByRole("status")).toContainText("Pubblicati o confermati: 1.");
    expect(contributionById(id).status).toBe("published");

    // Link to § 2.3 of the STTM 1 draft and give the outcome.
    const version = versionByLabel("STTM1", DEMO_STTM1);
    const section23 = sectionIdOf(version.id, "2.3");
    await page.goto(`/gestione/moderazione/contributo/${id}?versione=${version.id}`);
    await page.getByLabel("§ 2.3 Nature-Based Solutions (NBS)").check();
    await page.getByRole("button", { name: "Salva i collegamenti" }).click();
    await expect(page.getByRole("status")).toContainText("Collegamenti alle sezioni aggiornati.");
    await page.getByLabel("Esito", { exact: true }).selectOption("parzialmente_accolto");
    await page.getByLabel("Risposta motivata (controdeduzione)").fill("Accolto **in parte**: il tratto tra Robecco e Magenta entra nella Rete Verde.");
    await page.getByRole("button", { name: "Dai l'esito" }).click();
    await expect(page.getByRole("status")).toContainText("Esito registrato");
    await expectNoA11yViolations(page, "moderation item page (it)");

    // The public contribution page shows the outcome and the section.
    await context.clearCookies();
    await page.goto(`/contributi/${id}`);
    const block = page.locator(".outcome-block");
    await expect(block).toContainText("Parzialmente accolto");
    await expect(block.locator("strong", { hasText: "in parte" })).toBeVisible();
    await expect(block.getByRole("link", { name: /§ 2\.3 Nature-Based Solutions/ })).toHaveAttribute("href", `/strategie/STTM1/bozze/${version.id}/sezioni/${section23}`);

    // The reading view's § 2.3 lists it with its outcome.
    await page.goto(`/strategie/STTM1/bozze/${version.id}`);
    const section = page.locator("section.draft-section").filter({ has: page.getByRole("heading", { name: /2\.3 Nature-Based Solutions/ }) });
    await expect(section.locator(".section-linked li").filter({ hasText: title })).toContainText("Parzialmente accolto");
    await expect(section.getByRole("link", { name: title })).toHaveAttribute("href", `/contributi/${id}`);

    // The citizen's messages link to it.
    await signInAs(context, baseURL!, citizen.id);
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "Il tuo contributo ha ricevuto un esito" })).toHaveAttribute("href", `/contributi/${id}`);
    await expect(page.getByRole("link", { name: "Il tuo contributo è stato pubblicato" })).toHaveAttribute("href", `/contributi/${id}`);
  });

  test("three people reporting a comment hide it; a fourth report by one of them is not counted; a moderator restores it; the audit log shows it all in order", async ({ page, context, baseURL }) => {
    const author = createUser({ name: "Autore del commento" });
    const reporters = [createUser(), createUser(), createUser()];
    const staff = createUser({ role: "staff" });
    const admin = createUser({ role: "admin" });
    const contributionId = insertContribution({ title: `Contributo con commento segnalato ${Date.now()}`, authorId: author.id });
    const commentId = insertContributionComment(contributionId, author.id, "Un commento che qualcuno trova offensivo.");

    const messages = ["la segnalazione è arrivata", "la segnalazione è arrivata", "il contenuto è nascosto"];
    for (const [i, reporter] of reporters.entries()) {
      await signInAs(context, baseURL!, reporter.id);
      await page.goto(`/contributi/${contributionId}`);
      const form = page.locator(`#segnala-contribution_comment-${commentId}`);
      await form.locator("summary").click();
      await form.getByLabel("Contenuto offensivo").check();
      await form.getByRole("button", { name: "Invia la segnalazione" }).click();
      // Once hidden, the comment is gone from the page: the answer is at the top of it.
      await expect(i < 2 ? form.getByRole("status") : page.locator("#esito-segnalazione")).toContainText(messages[i]);
    }
    expect(commentStatus(commentId)).toBe("hidden");

    // The first reporter again (the comment is hidden now: posted directly): told, not counted.
    await signInAs(context, baseURL!, reporters[0].id);
    const again = await page.request.post("/segnalazioni", {
      form: { itemKind: "contribution_comment", itemId: String(commentId), reason: "spam", redirectTo: `/contributi/${contributionId}` },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(302);
    expect(again.headers().location).toContain("segnalazione=already");

    // A moderator restores it from the queue.
    await signInAs(context, baseURL!, staff.id);
    await page.goto("/gestione/moderazione?tipo=contribution_comment&segnalati=1");
    const row = page.getByRole("row").filter({ has: page.locator(`a[href="/gestione/moderazione/commento/${commentId}"]`) });
    await expect(row).toContainText("Segnalato");
    await expect(row).toContainText("3 segnalazioni aperte");
    await row.getByRole("link", { name: "Esamina" }).click();
    await page.getByLabel("Motivo (arriva all'autore)").first().fill("Critica dura ma non offensiva.");
    await page.getByRole("button", { name: "Ripristina e archivia le segnalazioni" }).click();
    await expect(page.getByRole("status")).toContainText("di nuovo visibile");
    expect(commentStatus(commentId)).toBe("published");

    // The audit log, newest first: restored, hidden pending review, three reports.
    await signInAs(context, baseURL!, admin.id);
    await page.goto(`/gestione/registro?soggetto=contribution_comment&id=${commentId}`);
    const actions = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions).toEqual(["contribution_comment.restored", "contribution_comment.hidden_pending_review", "flag.created", "flag.created", "flag.created"]);
    await expectNoA11yViolations(page, "audit log (it)");
    const csv = await page.request.get(`/gestione/registro.csv?soggetto=contribution_comment&id=${commentId}`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split("\n")).toHaveLength(6);
  });

  test("axe: no violations on the queue, an item page, the workload view, the audit log and the notification preferences, in Italian and English", async ({ page, context, baseURL }) => {
    const admin = createUser({ role: "admin" });
    const author = createUser();
    const id = insertContribution({ title: `Contributo per axe ${Date.now()}`, authorId: author.id, status: "pending", istat: MAGENTA });
    await signInAs(context, baseURL!, admin.id);
    for (const lang of ["it", "en"] as const) {
      await page.goto("/gestione/moderazione");
      if (lang === "en") await switchLanguage(page, "en");
      await expect(page.locator("table.queue-table")).toBeVisible();
      await expectNoA11yViolations(page, `queue (${lang})`);
      await page.goto(`/gestione/moderazione/contributo/${id}`);
      await expectNoA11yViolations(page, `item page (${lang})`);
      await page.goto("/gestione/moderazione/carico");
      await expectNoA11yViolations(page, `workload (${lang})`);
      await page.goto("/gestione/registro");
      await expectNoA11yViolations(page, `audit log (${lang})`);
      await page.goto("/account/notifiche");
      await expectNoA11yViolations(page, `notification preferences (${lang})`);
    }
    await page.goto("/gestione/moderazione");
    await page.screenshot({ path: "test-results/moderation-queue.png", fullPage: true });
  });
});
