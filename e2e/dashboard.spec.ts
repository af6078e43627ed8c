// The public participation dashboard: map, charts and tables show the database's figures; the
// comuni not heard stand out; CSV download; sorting and filters without JavaScript; axe in it and en.
import { parse } from "csv-parse/sync";
import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { createUser, e2eDb, organizationBySlug } from "./fixtures/db";
import { insertBrowseContribution, uniqueWord } from "./fixtures/contributions-browse";
import { createMeeting, createRegistrationRow, daysFromNow } from "./fixtures/meetings";

// Two small comuni of Magentino e Abbiatense that no other spec uses.
const MORIMONDO = { istat: "015150", name: "Morimondo" };
const BESATE = { istat: "015022", name: "Besate" };

const it2 = new Intl.NumberFormat("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const itN = new Intl.NumberFormat("it-IT");

/** The figures of a comune read straight from the database, with the definitions the page states. */
function comuneFigures(istat: string) {
  const db = e2eDb();
  const contributions = (
    db
      .prepare(
        `select count(*) as n from contributions c where c.status = 'published'
           and (exists (select 1 from contribution_comuni x where x.contribution_id = c.id and x.istat = ?) or c.comune_istat = ?)`,
      )
      .get(istat, istat) as { n: number }
  ).n;
  const population = (db.prepare("select population from comuni where istat = ?").get(istat) as { population: number }).population;
  return { contributions, population, rate: it2.format((contributions * 10_000) / population) };
}

function zoneContributions(zoneId: string) {
  return (
    e2eDb()
      .prepare(
        `select count(*) as n from contributions c where c.status = 'published'
           and (exists (select 1 from contribution_zones x where x.contribution_id = c.id and x.zone_id = ?)
                or c.comune_istat in (select istat from comuni where zone_id = ?))`,
      )
      .get(zoneId, zoneId) as { n: number }
  ).n;
}

function publishedCount() {
  return (e2eDb().prepare("select count(*) as n from contributions where status = 'published'").get() as { n: number }).n;
}

/** A comune with no published contribution about it whose Comune has no registration, contribution or comment. */
function someComuneNotInvolved() {
  return e2eDb()
    .prepare(
      `select k.istat, k.name from comuni k join organizations o on o.istat_code = k.istat
       where not exists (select 1 from contribution_comuni x join contributions c on c.id = x.contribution_id where x.istat = k.istat and c.status = 'published')
         and not exists (select 1 from contributions c where c.comune_istat = k.istat and c.status = 'published')
         and not exists (select 1 from contributions c where c.organization_id = o.id and c.status = 'published')
         and not exists (select 1 from registrations r where r.organization_id = o.id)
         and not exists (select 1 from section_comments s where s.organization_id = o.id)
         and not exists (select 1 from amendments a where a.organization_id = o.id)
         and k.istat not in (?, ?)
       order by k.name limit 1`,
    )
    .get(MORIMONDO.istat, BESATE.istat) as { istat: string; name: string };
}

// One worker for the file: the rows below are written once, and the figures compared with them.
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const w = uniqueWord();
  // Morimondo: two contributions, one by its own Comune (so Morimondo took part); one unpublished that must not count.
  insertBrowseContribution({ title: `Cascine ${w} da recuperare`, istat: MORIMONDO.istat, organizationSlug: "comune-di-morimondo" });
  insertBrowseContribution({ title: `Percorso ${w} lungo il Ticino`, istat: MORIMONDO.istat });
  insertBrowseContribution({ title: `In attesa ${w}`, istat: MORIMONDO.istat, status: "pending" });
  // Besate: its Comune registered for a territorial table (it took part without any contribution).
  const meeting = createMeeting({ title: `Tavolo ${w}`, kind: "tavolo_territoriale", zoneId: "magentino-abbiatense", startsAt: daysFromNow(-3), endsAt: daysFromNow(-3, 19), status: "held" });
  const besate = organizationBySlug("comune-di-besate")!;
  createRegistrationRow({ meetingId: meeting.id, userId: createUser().id, organizationId: besate.id, capacity: "comune" });
});

test("the map, the charts and the tables show the database's figures", async ({ page }) => {
  const morimondo = comuneFigures(MORIMONDO.istat);
  expect(morimondo.contributions).toBeGreaterThanOrEqual(2);
  // The figures are read at most every 5 s: reload until the rows written above are seen.
  await expect(async () => {
    await page.goto("/partecipazione");
    await expect(page.locator(`.dashboard-comuni tr[data-istat="${MORIMONDO.istat}"] td[data-col="contributions"]`)).toHaveText(String(morimondo.contributions), {
      timeout: 500,
    });
  }).toPass({ timeout: 20_000 });

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chi ha partecipato");
  await expect(page.getByRole("link", { name: "I principi e gli obiettivi del PTM" })).toHaveAttribute("href", "/obiettivi");
  await expect(page.getByRole("navigation", { name: /principale/i }).getByRole("link", { name: "Partecipazione" })).toHaveAttribute("href", "/partecipazione");

  // Headline: published contributions; every other spec may be writing meanwhile, so compare once settled.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('[data-figure="contributions"] .figure')).toHaveText(itN.format(publishedCount()), { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator('[data-figure="tookPart"]')).toContainText("comuni su 133 hanno partecipato");

  // The map: every comune drawn, named, Morimondo coloured, a comune not involved hatched.
  const map = page.getByRole("img", { name: "Mappa: contributi ogni 10.000 abitanti per comune" });
  await expect(map).toBeVisible();
  await expect(map.locator("path[data-istat]")).toHaveCount(133);
  await expect(map.locator(`path[data-istat="${MORIMONDO.istat}"]`)).not.toHaveAttribute("fill", /nodata/);
  await expect(map.locator(`path[data-istat="${MORIMONDO.istat}"] title`)).toHaveText(
    `Morimondo: ${morimondo.contributions} contributi, ${morimondo.rate} ogni 10.000 abitanti`,
  );
  const notInvolved = someComuneNotInvolved();
  await expect(map.locator(`path[data-istat="${notInvolved.istat}"]`)).toHaveAttribute("fill", "url(#partecipazione-mappa-nodata)");
  await expect(page.locator(".dashboard-legend")).toContainText("nessun contributo");

  // Charts: accessible SVG with the values printed.
  const chart = page.getByRole("img", { name: "Contributi ogni 10.000 abitanti, per zona" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("[data-bar]")).toHaveCount(8);
  await expect(page.getByRole("img", { name: "Organizzazioni partecipanti, per zona" })).toBeVisible();

  // Zone table: Magentino e Abbiatense's contributions as counted in the database (other specs may write meanwhile).
  const zoneRow = page.locator('.dashboard-zones tr[data-zone="magentino-abbiatense"]');
  await expect(zoneRow.locator("th")).toHaveText("Magentino e Abbiatense");
  await expect(async () => {
    await page.reload();
    await expect(zoneRow.locator('td[data-col="contributions"]')).toHaveText(itN.format(zoneContributions("magentino-abbiatense")), { timeout: 500 });
  }).toPass({ timeout: 20_000 });

  // Comuni table: the rate per 10,000 inhabitants; who took part (Morimondo by a contribution, Besate at the table).
  const row = page.locator(`.dashboard-comuni tr[data-istat="${MORIMONDO.istat}"]`);
  await expect(row.locator('td[data-col="contributionsRate"]')).toHaveText(morimondo.rate);
  await expect(row.locator('td[data-col="tookPart"]')).toHaveText("sì");
  const besate = page.locator(`.dashboard-comuni tr[data-istat="${BESATE.istat}"]`);
  await expect(besate.locator('td[data-col="tookPart"]')).toHaveText("sì");
  // Least heard first: the first row has no contribution.
  await expect(page.locator(".dashboard-comuni tbody tr").first().locator('td[data-col="contributions"]')).toHaveText("0");

  // The comuni not involved yet are listed; Morimondo and Besate are not among them.
  const list = page.locator(".not-involved");
  await expect(list.locator(`li[data-istat="${notInvolved.istat}"]`)).toHaveText(notInvolved.name);
  await expect(list.locator(`li[data-istat="${MORIMONDO.istat}"]`)).toHaveCount(0);
  await expect(list.locator(`li[data-istat="${BESATE.istat}"]`)).toHaveCount(0);

  // Sources cited.
  await expect(page.getByText(/15° Censimento generale della popolazione e delle abitazioni, ISTAT, 9 ottobre 2011/)).toBeVisible();
});

test("the comuni table downloads as CSV, with a BOM, accents and the ; option", async ({ request }) => {
  const response = await request.get("/partecipazione/comuni.csv?sep=;");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toContain("partecipazione-comuni.csv");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(body.toString("utf8"), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
  expect(rows).toHaveLength(133);
  const morimondo = rows.find((r) => r.istat === MORIMONDO.istat)!;
  expect(morimondo.comune).toBe("Morimondo");
  expect(morimondo.comune_ha_partecipato).toBe("sì");
  expect(Number(morimondo.contributi)).toBeGreaterThanOrEqual(2);
  const zones = parse((await (await request.get("/partecipazione/zone.csv")).body()).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
  expect(zones.map((z) => z.zona_id)).toContain("magentino-abbiatense");
});

test("no accessibility violations, in Italian and in English", async ({ page }) => {
  await page.goto("/partecipazione");
  await expectNoA11yViolations(page, "dashboard (it)");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who took part");
  await expect(page.getByRole("img", { name: "Map: contributions per 10,000 inhabitants by comune" })).toBeVisible();
  await expectNoA11yViolations(page, "dashboard (en)");
  await page.goto("/partecipazione?sttm=STTM1&ordine=nome");
  await expectNoA11yViolations(page, "dashboard filtered and sorted (en)");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page, the sort links and the filter form work", async ({ page }) => {
    await page.goto("/partecipazione");
    await expect(page.getByRole("img", { name: "Mappa: contributi ogni 10.000 abitanti per comune" }).locator("path[data-istat]")).toHaveCount(133);
    await expect(page.locator(".dashboard-comuni tbody tr")).toHaveCount(133);

    await page.locator(".dashboard-comuni thead").getByRole("link", { name: /^Comune/ }).click();
    await expect(page).toHaveURL(/\/partecipazione\?ordine=nome#comuni-title$/);
    await expect(page.locator(".dashboard-comuni tbody tr").first().locator("th")).toHaveText("Abbiategrasso");
    await expect(page.locator(".dashboard-comuni caption")).toHaveText("Partecipazione per comune, ordinata per nome del comune");

    await page.getByLabel("Strategia").selectOption("STTM3");
    await page.getByRole("button", { name: "Applica" }).click();
    await expect(page).toHaveURL(/\/partecipazione\?sttm=STTM3&ordine=nome$/);
    await expect(page.getByRole("status")).toContainText("STTM 3");
    await expect(page.getByLabel("Strategia")).toHaveValue("STTM3");
  });
});
