import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";

const COMUNE_SHAPES = ".leaflet-overlay-pane path.leaflet-interactive";

test.describe("territory page", () => {
  test("draws the 133 comuni on the map with tiles blocked, with legend and attribution", async ({ page, blockedRequests }) => {
    await page.goto("/territorio");
    await expect(page.getByRole("heading", { level: 1, name: "Territorio" })).toBeVisible();

    const map = page.getByRole("region", { name: /Mappa dei comuni/ });
    await expect(map).toBeVisible();
    await expect(page.locator(COMUNE_SHAPES)).toHaveCount(133);
    // Coloured by zone: as many fills as zones (7 + Milano).
    const fills = await page.locator(COMUNE_SHAPES).evaluateAll((paths) => new Set(paths.map((p) => p.getAttribute("fill"))).size);
    expect(fills).toBe(8);
    // Boundaries drawn on screen, not only in the DOM.
    const box = await page.locator(".leaflet-overlay-pane svg").boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(200);

    await expect(page.locator(".leaflet-control-attribution")).toContainText(
      "Limiti amministrativi: © ISTAT (CC BY), elaborazione openpolis/geojson-italy (CC BY 4.0), giugno 2023",
    );
    await expect(page.locator(".leaflet-control-attribution")).toContainText("OpenStreetMap");
    // The tiles were requested (and blocked by the offline fixture): the map did not need them.
    expect(blockedRequests.some((url) => url.includes("tile.openstreetmap.org"))).toBe(true);

    const legend = page.getByRole("region", { name: "Legenda" });
    await expect(legend.getByRole("listitem")).toHaveCount(8);
    await expect(legend).toContainText("Milano (capoluogo)");

    // Hovering a comune names it and its zone.
    await page.locator(COMUNE_SHAPES).first().hover({ force: true });
    await expect(page.locator(".leaflet-tooltip")).toContainText("Zona:");
  });

  test("lists the 8 zones with their 133 comuni", async ({ page }) => {
    await page.goto("/territorio");
    const list = page.getByRole("region", { name: "Comuni per zona omogenea" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveCount(8);
    await expect(list.locator(".comuni-list > li")).toHaveCount(133);

    const nordOvest = list.getByRole("list", { name: /Nord Ovest/ });
    await expect(nordOvest.getByRole("listitem")).toHaveCount(16);
    await expect(nordOvest.getByRole("listitem").filter({ hasText: /^Rho$/ })).toHaveCount(1);
    await expect(list.getByRole("heading", { level: 3, name: /Nord Ovest/ })).toContainText("16 comuni");
    await expect(list.getByRole("heading", { level: 3, name: /Milano \(capoluogo\)/ })).toContainText("1 comune");
  });

  test("has no axe violations in Italian and in English", async ({ page }) => {
    await page.goto("/territorio");
    await expect(page.locator(COMUNE_SHAPES)).toHaveCount(133);
    await expectNoA11yViolations(page, "/territorio (it)");

    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1, name: "Territory" })).toBeVisible();
    await expect(page.locator(COMUNE_SHAPES)).toHaveCount(133);
    await expect(page.locator(".leaflet-control-attribution")).toContainText("Administrative boundaries");
    await expect(page.getByRole("button", { name: "Zoom in" })).toBeVisible();
    await expectNoA11yViolations(page, "/territorio (en)");
  });

  test("serves the comuni as GeoJSON", async ({ request }) => {
    const res = await request.get("/territorio/comuni.geojson");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/geo+json");
    expect(res.headers()["cache-control"]).toContain("max-age");
    const body = await res.json();
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(133);
    expect(body.features.find((f: { properties: { istat: string } }) => f.properties.istat === "015182").properties).toEqual({
      istat: "015182",
      name: "Rho",
      zoneId: "nord-ovest",
      zoneName: "Nord Ovest",
    });
  });
});

test.describe("territory page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("still lists every comune by zone", async ({ page }) => {
    await page.goto("/territorio");
    await expect(page.getByRole("heading", { level: 1, name: "Territorio" })).toBeVisible();
    const list = page.getByRole("region", { name: "Comuni per zona omogenea" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveCount(8);
    await expect(list.locator(".comuni-list > li")).toHaveCount(133);
    await expect(list.getByRole("list", { name: /Nord Ovest/ }).getByRole("listitem").filter({ hasText: /^Rho$/ })).toHaveCount(1);
    await expect(page.getByText("La mappa richiede JavaScript")).toBeVisible();
    await expect(page.locator(COMUNE_SHAPES)).toHaveCount(0);
  });
});

test("Leaflet is loaded only on pages with a map", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/");
  await expect(page.locator("h1")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.some((url) => /leaflet/i.test(url))).toBe(false);
  const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  expect(sheets.some((href) => /leaflet/i.test(href))).toBe(false);
  expect(await page.evaluate(() => "L" in window)).toBe(false);
  await expect(page.locator(".leaflet-container")).toHaveCount(0);

  await page.goto("/territorio");
  await expect(page.locator(COMUNE_SHAPES)).toHaveCount(133);
  expect(scripts.some((url) => /leaflet/i.test(url))).toBe(true);
});
