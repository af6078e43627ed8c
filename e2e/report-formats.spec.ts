import { expect, expectNoA11yViolations, switchLanguage, test } from "./fixtures/test";
import { publishSampleReport } from "./fixtures/reports";

// The report print view (what the PDF is printed from) and the files of a version.
test.describe("report formats", () => {
  test("the print view of a published version is accessible, has its contents and downloads as a PDF", async ({ page }) => {
    const { reportId, document } = publishSampleReport();
    await page.goto(`/rapporti/${reportId}/1/stampa`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(document.title);
    const toc = page.getByRole("navigation", { name: "Indice del rapporto" });
    await expect(toc.getByRole("link")).toHaveCount(10);
    // A contents link leads to its section.
    await toc.getByRole("link", { name: "Mappa dei contributi" }).click();
    await expect(page).toHaveURL(/#s-mappa-dei-contributi$/);
    await expect(page.getByRole("figure").locator("svg")).toBeVisible();
    await expectNoA11yViolations(page);

    // The PDF link in the bar downloads the file.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF", exact: true }).click()]);
    expect(download.suggestedFilename()).toBe("rapporto-sulla-partecipazione-e-controdeduzioni-sttm1-v1.pdf");
    const response = await page.request.get(`/rapporti/${reportId}/1.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(body.length).toBeGreaterThan(20_000);
  });

  test("the print view is accessible in English too, and the draft is for staff only", async ({ page, login }) => {
    const { reportId } = publishSampleReport();
    const anonymous = await page.request.get(`/rapporti/${reportId}/bozza.docx`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(302);
    await login({ role: "staff" });
    await page.goto("/");
    await switchLanguage(page, "en");
    await page.goto(`/rapporti/${reportId}/bozza/stampa`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Draft built now from the data")).toBeVisible();
    await expectNoA11yViolations(page);
    for (const ext of ["md", "docx", "csv", "geojson"]) {
      const file = await page.request.get(`/rapporti/${reportId}/bozza.${ext}`);
      expect(file.status(), ext).toBe(200);
      expect(file.headers()["cache-control"]).toBe("private, no-store");
    }
    expect((await page.request.get(`/rapporti/${reportId}/bozza.exe`)).status()).toBe(404);
  });
});
