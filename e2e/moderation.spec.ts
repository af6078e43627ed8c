// Moderation: the acceptance scenario (send back, edit, publish, link to § 2.3 with an outcome, seen
// by the public and the author), what the item page shows staff (place, attachments, author and
// organization, the section it was sent from proposed as its link, an outcome chosen not guessed),
// reports hiding a comment and a moderator restoring it (with the audit log in order), and axe on
// every moderation page in Italian and English.
import { expect, expectNoA11yViolations, switchLanguage, test } from "./fixtures/test";
import { approveMembership, createUser } from "./fixtures/db";
import { contributionById, contributionsOf, insertContribution } from "./fixtures/contributions";
import { versionByLabel } from "./fixtures/drafts";
import { commentStatus, insertContributionComment, sectionIdOf, signInAs, zoneOf } from "./fixtures/moderation";
import { insertAmendment, publishContribution, sectionLinksOf } from "./fixtures/moderation-item";

const MAGENTA = "015130";
const DEMO_STTM1 = "v0.1 – progetto preliminare";
/** A 1×1 PNG and a minimal PDF: real files by their first bytes, as the upload checks them. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

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

  test("sent from § 2.3 for a comune with two attachments: staff see the place, the previews, who and for whom, the section proposed as its link; the outcome starts empty; once published the public page lists the attachments", async ({
    page,
    context,
    baseURL,
    request,
  }) => {
    test.setTimeout(120_000);
    const citizen = createUser({ name: "Giulia Referente" });
    approveMembership(citizen.id, "comune-di-rho");
    const staff = createUser({ role: "staff", name: "Redazione" });
    const version = versionByLabel("STTM1", DEMO_STTM1);
    const section23 = sectionIdOf(version.id, "2.3");
    const title = `Un corridoio ecologico lungo l'Olona ${Date.now()}`;

    // The citizen sends it from the section, through the whole form, on behalf of the Comune di Rho.
    await signInAs(context, baseURL!, citizen.id);
    await page.goto(`/strategie/STTM1/bozze/${version.id}/sezioni/${section23}`);
    await page.getByRole("link", { name: "Invia un contributo georeferenziato su questa sezione" }).click();
    await expect(page.getByRole("status").filter({ hasText: "collegato alla sezione" })).toBeVisible();
    await page.getByLabel(/^Proposta/).check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=tema/);
    await expect(page.getByLabel(/STTM 1/)).toBeChecked();
    await page.getByLabel("Sviluppo e attuazione della Rete Verde Metropolitana").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await page.locator("summary", { hasText: "Nord Ovest" }).click();
    await page.getByLabel("Rho").check();
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=testo/);
    await page.getByLabel("Titolo").fill(title);
    await page.getByLabel("Testo", { exact: true }).fill("Un corridoio ecologico continuo lungo l'Olona, tra i parchi di Rho.");
    await expect(page.getByLabel("Dove nasce il contributo")).toHaveValue(`section:${version.id}:${section23}`);
    await page.getByLabel("A nome di").selectOption({ label: "Comune di Rho" });
    await page.getByRole("button", { name: "Avanti" }).click();
    await expect(page).toHaveURL(/passo=riepilogo/);
    await page.getByLabel("Allegati (facoltativi)").setInputFiles([
      { name: "foto del parco.png", mimeType: "image/png", buffer: PNG },
      { name: "relazione.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    await page.getByRole("button", { name: "Invia il contributo" }).click();
    await expect(page).toHaveURL(/\/account\/contributi\?esito=pending/);
    const [sent] = contributionsOf(citizen.id);
    expect(sent).toMatchObject({ title, status: "pending" });

    // Staff: the queue names the comune; the item page shows everything they decide on.
    await signInAs(context, baseURL!, staff.id);
    await page.goto(`/gestione/moderazione?tipo=contribution&zona=${zoneOf("015182")}`);
    await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Comune di Rho");
    await page.goto(`/gestione/moderazione/contributo/${sent.id}`);
    const facts = page.locator("dl.facts").first();
    await expect(facts).toContainText("Comune di Rho");
    await expect(facts).toContainText("Giulia Referente, per conto di Comune di Rho");
    await expect(facts.getByRole("link", { name: "sezione 2.3 «Nature-Based Solutions (NBS)» di STTM1 v0.1" })).toHaveAttribute(
      "href",
      `/strategie/STTM1/bozze/${version.id}/sezioni/${section23}`,
    );

    // The place: on the map (Rho's outline filled) and in words, which the map refers to.
    const words = page.locator("#place-words");
    await expect(words).toHaveText("Luogo del contributo: Comuni interi — Rho — Nord Ovest.");
    const map = page.getByRole("region", { name: "Mappa del luogo del contributo" });
    await expect(map).toHaveAttribute("aria-describedby", "place-words");
    await expect(map.locator(".leaflet-overlay-pane path").first()).toBeAttached();

    // The attachments: the image as a preview the browser could load, the PDF as a link with its size.
    const attachments = page.getByRole("region", { name: "Allegati (2)" });
    const preview = attachments.getByRole("img", { name: "Anteprima dell'immagine allegata «foto del parco.png»" });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect(attachments.getByRole("listitem").filter({ hasText: "relazione.pdf" })).toContainText("(PDF, 1 KB)");
    const pdfHref = (await attachments.getByRole("link", { name: "relazione.pdf" }).getAttribute("href"))!;
    const imageHref = (await attachments.getByRole("link", { name: "foto del parco.png" }).getAttribute("href"))!;
    expect((await page.request.get(pdfHref)).status()).toBe(200);
    // Not for the public while it waits.
    expect((await request.get(pdfHref)).status()).toBe(404);
    expect((await request.get(imageHref)).status()).toBe(404);

    // The section it was sent from is proposed as its link, ticked but not saved: one click confirms it.
    const links = page.getByRole("region", { name: "Sezioni della bozza collegate" });
    await expect(links.getByRole("note")).toContainText("Proposta: il contributo è stato inviato dalla sezione 2.3 «Nature-Based Solutions (NBS)» di STTM1 v0.1");
    await expect(links.getByText("Nessuna sezione collegata.")).toBeVisible();
    await expect(page.getByLabel("§ 2.3 Nature-Based Solutions (NBS)")).toBeChecked();
    expect(sectionLinksOf(sent.id)).toEqual([]);
    await expectNoA11yViolations(page, "moderation item page with place, attachments and a proposed link (it)");
    await links.getByRole("button", { name: "Salva i collegamenti" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Collegamenti alle sezioni aggiornati." })).toBeVisible();
    expect(sectionLinksOf(sent.id)).toEqual([{ sectionId: section23, versionId: version.id }]);
    await expect(links.getByRole("note")).toHaveCount(0);
    await expect(links.getByText("Nessuna sezione collegata.")).toHaveCount(0);
    await expect(links.getByRole("listitem").filter({ hasText: `STTM1 ${DEMO_STTM1} · § 2.3 Nature-Based Solutions (NBS)` })).toHaveCount(1);

    // Published: the outcome starts empty and must be chosen.
    publishContribution(sent.id);
    await page.goto(`/gestione/moderazione/contributo/${sent.id}`);
    const outcome = page.getByLabel("Esito", { exact: true });
    await expect(outcome).toHaveValue("");
    await expect(outcome.locator("option").first()).toHaveText("— scegli —");
    await page.getByLabel("Risposta motivata (controdeduzione)").fill("Accolto.");
    await page.getByRole("button", { name: "Dai l'esito" }).click();
    await expect.poll(() => outcome.evaluate((el) => (el as HTMLSelectElement).validationMessage)).toBe("Scegli un esito.");
    await expect(page).not.toHaveURL(/esito=outcome/);
    await expectNoA11yViolations(page, "moderation item page, published (it)");

    // The public page lists the attachments, and the public may now download them.
    await context.clearCookies();
    await page.goto(`/contributi/${sent.id}`);
    const listed = page.getByRole("region", { name: "Allegati (2)" });
    await expect(listed.getByRole("link", { name: "relazione.pdf" })).toHaveAttribute("href", pdfHref);
    await expect(listed.getByRole("listitem").filter({ hasText: "relazione.pdf" })).toContainText("(PDF, 1 KB)");
    const publicPreview = listed.getByRole("img", { name: "Anteprima dell'immagine allegata «foto del parco.png»" });
    await expect.poll(() => publicPreview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect((await request.get(pdfHref)).status()).toBe(200);
    await expectNoA11yViolations(page, "contribution page with attachments (it)");
  });

  test("an amendment and a section comment sent for an organization: the queue and the item page name the organization and the section", async ({ page, context, baseURL }) => {
    const person = createUser({ name: "Paolo Tecnico" });
    const org = approveMembership(person.id, "comune-di-rho");
    const staff = createUser({ role: "staff" });
    const version = versionByLabel("STTM1", DEMO_STTM1);
    const section23 = sectionIdOf(version.id, "2.3");
    const text = `Testo proposto dal Comune ${Date.now()}`;
    const amendment = insertAmendment({ versionId: version.id, sectionId: section23, authorId: person.id, organizationId: org.id, text });

    await signInAs(context, baseURL!, staff.id);
    await page.goto("/gestione/moderazione?tipo=amendment");
    const row = page.getByRole("row").filter({ hasText: text });
    await expect(row).toContainText("Comune di Rho");
    await expect(row).not.toContainText("Paolo Tecnico");
    await page.goto(`/gestione/moderazione/emendamento/${amendment}`);
    const facts = page.locator("dl.facts").first();
    await expect(facts).toContainText("Comune di Rho");
    await expect(facts).toContainText("Paolo Tecnico, per conto di Comune di Rho");
    await expect(facts.getByRole("link", { name: "sezione 2.3 «Nature-Based Solutions (NBS)» di STTM1 v0.1" })).toHaveAttribute(
      "href",
      `/strategie/STTM1/bozze/${version.id}/sezioni/${section23}`,
    );
    await expectNoA11yViolations(page, "amendment item page (it)");
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
