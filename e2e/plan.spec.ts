import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";

test("the home explains the consultation, lists the 3 STTM and the 5 milestones in order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Piano Territoriale Metropolitano (PTM)", { exact: false })).toBeVisible();

  const strategies = page.getByRole("list", { name: "Le tre strategie" }).getByRole("listitem");
  await expect(strategies).toHaveCount(3);
  await expect(strategies.nth(0)).toContainText("STTM 1");
  await expect(strategies.nth(0)).toContainText("sostenibilità");
  await expect(strategies.nth(0)).toContainText("3 bersagli di lavoro");
  await expect(strategies.nth(2)).toContainText("4 bersagli di lavoro");

  const milestones = page.getByRole("list", { name: "Il percorso" }).getByRole("listitem");
  await expect(milestones).toHaveCount(5);
  await expect(milestones.locator(".milestone-when")).toHaveText([
    "14 aprile 2022",
    "24 maggio 2022",
    "ottobre – novembre 2022",
    "5 dicembre 2022",
    "gennaio – febbraio 2023",
  ]);
  await expect(milestones.nth(0).locator("time")).toHaveAttribute("datetime", "2022-04-14");
  await expect(milestones.nth(2).locator("time")).toHaveText(["ottobre", "novembre 2022"]);
  await expect(milestones.nth(2).locator("time").first()).toHaveAttribute("datetime", "2022-10");
  await expect(milestones.nth(1)).toContainText("Kick-off meeting");

  await expect(page.getByText("almeno 90 giorni prima dell'adozione")).toBeVisible();
  await expect(page.getByText(/Conferenza istruttoria si tiene nei 60 giorni/)).toBeVisible();

  await strategies.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/strategie\/STTM2$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("coesione sociale");
});

test("the home speaks English after the switch, keeping month precision", async ({ page }) => {
  await page.goto("/");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { name: "The three strategies" })).toBeVisible();
  const milestones = page.getByRole("list", { name: "The process" }).getByRole("listitem");
  await expect(milestones.nth(2).locator(".milestone-when")).toHaveText("October – November 2022");
  await expect(milestones.nth(0).locator(".milestone-when")).toHaveText("14 April 2022");
  // Plan content keeps its official Italian wording, marked as Italian.
  await expect(page.getByRole("list", { name: "The three strategies" }).locator("h3[lang=it]")).toHaveCount(3);
});

test("/strategie lists the three STTM with their targets", async ({ page }) => {
  await page.goto("/strategie");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(3);
  await expect(page.getByRole("list", { name: "Bersagli di lavoro della STTM 3" }).getByRole("listitem")).toHaveCount(4);
  await page.getByRole("link", { name: "Apri la STTM 1" }).click();
  await expect(page).toHaveURL(/\/strategie\/STTM1$/);
});

test("/strategie/STTM1 shows its 3 frameworks and 3 work targets", async ({ page }) => {
  await page.goto("/strategie/STTM1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("sostenibilità");
  const frameworks = page.getByRole("list", { name: "I quadri della strategia" }).getByRole("listitem");
  await expect(frameworks).toHaveCount(3);
  await expect(frameworks.getByRole("heading")).toHaveText([/analitico-conoscitivo/, /strategico/, /normativo/]);
  const rows = page.getByRole("table", { name: "Bersagli di lavoro della STTM 1" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("STTM1.1");
  await expect(rows.nth(0)).toContainText("Rete Verde Metropolitana");
  await expect(rows.nth(2)).toContainText("NBS");
  await expect(page.getByRole("navigation", { name: "Percorso di navigazione" })).toContainText("Strategie (STTM)");
  await expect(page.getByRole("navigation", { name: "Percorso di navigazione" }).locator("[aria-current=page]")).toHaveText("STTM 1");
});

test("the strategy code is case-insensitive; an unknown one is a 404 in Italian", async ({ page }) => {
  await page.goto("/strategie/sttm3");
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(4);

  const response = await page.goto("/strategie/STTM9");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategia non trovata");
  await expect(page.getByRole("link", { name: "Tutte le strategie" })).toBeVisible();
});

test("/obiettivi shows the 4 principles and the 10 objectives", async ({ page }) => {
  await page.goto("/obiettivi");
  const principles = page.getByRole("list", { name: "Principi" }).getByRole("listitem");
  await expect(principles).toHaveCount(4);
  await expect(principles.nth(1)).toContainText("P2");
  await expect(principles.nth(1)).toContainText("equità territoriale");
  const objectives = page.getByRole("list", { name: "Obiettivi" }).getByRole("listitem");
  await expect(objectives).toHaveCount(10);
  await expect(objectives.nth(9)).toContainText("Ob10");
});

test("the privacy notice and the accessibility statement have their required parts", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informativa sulla privacy");
  await expect(page.getByRole("heading", { name: "Titolare del trattamento" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Il mio account" })).toHaveAttribute("href", "/account");
  await expect(page.getByRole("main").getByRole("link", { name: "eliminare l'account" })).toHaveAttribute("href", "/account/elimina");

  await page.goto("/accessibilita");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dichiarazione di accessibilità");
  await expect(page.getByRole("main")).toContainText("WCAG");
  await expect(page.getByRole("main").getByRole("link", { name: /form\.agid\.gov\.it/ })).toBeVisible();
});

const PAGES = ["/", "/strategie", "/strategie/STTM1", "/strategie/STTM2", "/strategie/STTM3", "/obiettivi", "/privacy", "/accessibilita"];

for (const lang of ["it", "en"] as const) {
  test(`plan pages pass axe in ${lang}`, async ({ page }) => {
    await page.goto("/");
    if (lang === "en") await switchLanguage(page, "en");
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoA11yViolations(page, `${path} (${lang})`);
    }
  });
}
