import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { e2eDb } from "./fixtures/db";
import { createReportedConsultation } from "./fixtures/participation-report";

test.describe("participation report of a version", () => {
  test("staff publish it; the public reads sections and outcomes in Italian and English, without axe violations", async ({ page, login }) => {
    const c = createReportedConsultation();

    await login({ role: "staff" });
    await page.goto(`/gestione/bozze/${c.versionId}`);
    await page.getByRole("link", { name: "Rapporto sulla partecipazione" }).click();
    await expect(page).toHaveURL(new RegExp(`/gestione/bozze/${c.versionId}/rapporto$`));
    await expect(page.getByRole("heading", { level: 1, name: `Rapporto sulla partecipazione — ${c.label}` })).toBeVisible();
    // Warnings before publishing (not a block).
    await expect(page.getByText("Elementi ancora senza esito: 1.", { exact: false })).toBeVisible();
    await expect(page.getByText("Contributi ed emendamenti ancora in attesa di moderazione: 1.", { exact: false })).toBeVisible();
    // The live preview, built from the data: the pending contribution is left out.
    const preview = page.locator(".report-preview");
    await expect(preview.getByRole("heading", { name: `2.1 Rete verde ${c.word}` })).toBeVisible();
    await expect(preview.getByRole("heading", { name: `Contributo n. ${c.linked.id} — ${c.linked.title}` })).toBeVisible();
    await expect(preview.getByText(c.linked.response)).toBeVisible();
    await expect(preview.getByText(c.pending.title)).toHaveCount(0);
    await expectNoA11yViolations(page, "staff participation report (it)");

    const intro = `Introduzione della redazione ${c.word}`;
    await page.getByRole("textbox", { name: "Introduzione", exact: true }).fill(intro);
    await page.getByRole("button", { name: "Pubblica", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Rapporto pubblicato (versione 1)");
    const published = e2eDb()
      .prepare("select count(*) n from report_versions v join reports r on r.id = v.report_id where r.draft_version_id = ?")
      .get(c.versionId) as { n: number };
    expect(published.n).toBe(1);

    // The public: the reading view links the report.
    await page.context().clearCookies();
    await page.goto(`/strategie/${c.strategyCode}/bozze/${c.versionId}`);
    await page.getByRole("link", { name: "Rapporto sulla partecipazione" }).click();
    await expect(page).toHaveURL(new RegExp(`/strategie/${c.strategyCode}/bozze/${c.versionId}/rapporto$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapporto sulla partecipazione e controdeduzioni");
    await expect(page.getByText(intro)).toBeVisible();
    await expect(page.getByRole("heading", { name: `2.1 Rete verde ${c.word}` })).toBeVisible();
    const answered = page.getByRole("article", { name: `Contributo n. ${c.linked.id} — ${c.linked.title}` });
    await expect(answered.locator(".report-outcome")).toContainText("Accolto");
    await expect(answered.locator(".report-outcome")).toContainText(c.linked.response);
    const open = page.getByRole("article", { name: `Contributo n. ${c.unanswered.id} — ${c.unanswered.title}` });
    await expect(open.locator(".report-outcome")).toContainText("Esito non ancora espresso");
    await expect(page.getByText(c.pending.title)).toHaveCount(0);
    await expect(page.getByText(/^Versione 1 del rapporto, pubblicata il /)).toBeVisible();
    await expectNoA11yViolations(page, "public participation report (it)");

    await switchLanguage(page, "en");
    await expect(page.getByText(/^Version 1 of the report, published on /)).toBeVisible();
    await expect(page.getByRole("heading", { name: `2.1 Rete verde ${c.word}` })).toBeVisible();
    await expectNoA11yViolations(page, "public participation report (en)");

    const response = await page.goto(`/strategie/${c.strategyCode}/bozze/${c.versionId}/rapporto?versione=9`);
    expect(response?.status()).toBe(404);
  });
});
