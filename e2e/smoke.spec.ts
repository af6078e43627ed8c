import { test, expect, expectNoA11yViolations } from "./fixtures/test";

test("home page renders in Italian and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("link", { name: "Vai al contenuto principale" })).toBeAttached();
  await expectNoA11yViolations(page);
});
