// The open-data page and its downloads through the production server: axe in both languages, a
// link in the footer, CSV and GeoJSON downloads with the licence, the OGC API reachable with CORS.
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";

test.describe("open data", () => {
  test("/dati has no axe violations in Italian and in English", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Dati aperti" }).click();
    await expect(page).toHaveURL(/\/dati$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dati aperti" })).toBeVisible();
    await expect(page.getByRole("link", { name: /CC BY 4\.0/ })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
    await expect(page.getByText("Layer > Add Layer > Add WFS / OGC API - Features Layer")).toBeVisible();
    await expect(page.getByRole("table", { name: /Campi dei contributi/ }).getByRole("rowheader", { name: "autore", exact: true })).toBeVisible();
    await expectNoA11yViolations(page, "/dati (it)");

    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
    await expectNoA11yViolations(page, "/dati (en)");
  });

  test("a download link returns CSV with the licence; the GeoJSON and the OGC API answer with CORS", async ({ page, request }) => {
    await page.goto("/dati");
    const href = await page.getByRole("link", { name: "Contributi pubblicati (CSV, separatore punto e virgola, per fogli di calcolo in italiano)" }).getAttribute("href");
    expect(href).toBe("/dati/contributi.csv?sep=;");
    const csv = await request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toContain("attachment");
    expect(csv.headers()["link"]).toContain("creativecommons.org/licenses/by/4.0");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toContain("id;url;titolo;testo");
    // The demo seed has published contributions.
    expect(text.split("\r\n").length).toBeGreaterThan(3);

    // Clicking the link downloads the file.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Contributi pubblicati (CSV, separatore virgola)" }).click();
    expect((await download).suggestedFilename()).toBe("contributi-concerta.csv");

    const geojson = await request.get("/dati/contributi.geojson");
    expect(geojson.headers()["content-type"]).toBe("application/geo+json; charset=utf-8");
    expect(geojson.headers()["access-control-allow-origin"]).toBe("*");
    expect(((await geojson.json()) as { features: unknown[] }).features.length).toBeGreaterThan(0);

    const items = await request.get("/ogc/collections/contributi/items?limit=2", { headers: { Origin: "https://qgis.example" } });
    expect(items.status()).toBe(200);
    expect(items.headers()["access-control-allow-origin"]).toBe("*");
    const body = (await items.json()) as { numberReturned: number; links: { rel: string }[] };
    expect(body.numberReturned).toBe(2);
    expect(body.links.some((l) => l.rel === "next")).toBe(true);
    expect((await request.get("/ogc/collections/contributi/items?colore=rosso")).status()).toBe(400);
  });
});
