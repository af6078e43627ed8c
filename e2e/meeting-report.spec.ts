import { randomUUID } from "node:crypto";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { e2eDb } from "./fixtures/db";
import { createHeldTable, insertMeetingContribution, registerComune } from "./fixtures/meeting-report";

test.describe("meeting report", () => {
  test("staff write an introduction, preview and publish; the public reads it in Italian and English, without axe violations", async ({ page, login }) => {
    const w = randomUUID().slice(0, 6);
    const table = createHeldTable("adda-martesana", `Tavolo territoriale Adda Martesana ${w}`);
    registerComune(table.id, "comune-di-melzo", true);
    registerComune(table.id, "comune-di-cernusco-sul-naviglio", false);
    insertMeetingContribution({ meetingId: table.id, title: `Stazione di Melzo come LUM ${w}`, organizationSlug: "comune-di-melzo", istat: "015142", point: [9.42, 45.5] });
    insertMeetingContribution({ meetingId: table.id, title: `Ancora da moderare ${w}`, organizationSlug: "comune-di-melzo", istat: "015142", point: [9.421, 45.501], status: "pending" });

    await login({ role: "staff" });
    await page.goto(`/gestione/incontri/${table.id}`);
    await page.getByRole("link", { name: "Rapporto", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Prepara il rapporto dell'incontro «${table.title}»` })).toBeVisible();
    await expect(page.getByText("Contributi di questo incontro ancora in attesa di moderazione: 1.")).toBeVisible();
    // The live preview: built from the data, the pending contribution left out.
    const preview = page.locator(".report-preview");
    await expect(preview.getByRole("heading", { name: `Stazione di Melzo come LUM ${w}` })).toBeVisible();
    await expect(preview.getByText(`Ancora da moderare ${w}`)).toHaveCount(0);
    const zoneTotal = (e2eDb().prepare("select count(*) n from comuni where zone_id = 'adda-martesana'").get() as { n: number }).n;
    await expect(preview.getByText(`1 di ${zoneTotal} comuni presenti.`)).toBeVisible();
    await expect(preview.locator(".report-map svg")).toHaveCount(1);
    await expectNoA11yViolations(page, "staff meeting report (it)");

    const intro = `Introduzione scritta dallo staff ${w}`;
    await page.getByRole("textbox", { name: "Introduzione" }).fill(`${intro}\n\n- primo punto`);
    await page.getByRole("button", { name: "Anteprima" }).click();
    await expect(page.getByText("Costruita ora dai dati, con i testi del modulo (non ancora salvati).")).toBeVisible();
    await expect(preview.getByText(intro)).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Introduzione" })).toHaveValue(`${intro}\n\n- primo punto`);

    await page.getByRole("button", { name: "Pubblica" }).click();
    await expect(page.getByRole("status")).toContainText("Rapporto pubblicato (versione 1)");
    await expect(page.getByRole("region", { name: "Versioni pubblicate" }).getByText("Versione 1", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Pubblica una nuova versione" })).toBeVisible();
    expect((e2eDb().prepare("select count(*) n from report_versions v join reports r on r.id = v.report_id where r.meeting_id = ?").get(table.id) as { n: number }).n).toBe(1);

    // The public: the meeting page links the report.
    await page.context().clearCookies();
    await page.goto(`/incontri/${table.id}`);
    await expect(page.getByRole("heading", { name: "Rapporto dell'incontro", level: 2 })).toBeVisible();
    await page.getByRole("link", { name: "Leggi il rapporto dell'incontro" }).click();
    await expect(page).toHaveURL(new RegExp(`/incontri/${table.id}/rapporto$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rapporto dell'incontro «${table.title}»`);
    await expect(page.getByText(intro)).toBeVisible();
    await expect(page.locator(".report-version-meta").getByText(/^Versione 1, pubblicata il /)).toBeVisible();
    const missing = page.locator("#s-comuni-della-zona-non-presenti").locator("xpath=..").locator(".report-list");
    await expect(missing).toContainText("Cernusco sul Naviglio");
    await expect(missing).not.toContainText("Melzo");
    await expect(page.getByRole("link", { name: "PDF" }).first()).toHaveAttribute("href", /\/rapporti\/\d+\/1\.pdf$/);
    await expectNoA11yViolations(page, "public meeting report (it)");

    await switchLanguage(page, "en");
    await expect(page.locator(".report-version-meta").getByText(/^Version 1, published on /)).toBeVisible();
    await expectNoA11yViolations(page, "public meeting report (en)");

    // An unknown version is a 404 page, not an error.
    const response = await page.goto(`/incontri/${table.id}/rapporto?versione=7`);
    expect(response?.status()).toBe(404);
  });
});
