import { test, expect, expectNoA11yViolations, switchLanguage } from "./fixtures/test";
import { e2eDb, uniqueEmail } from "./fixtures/db";

test("register → log out → log in → account page", async ({ page }) => {
  const email = uniqueEmail("registrazione");
  await page.goto("/registrati");
  await page.getByLabel("Nome e cognome").fill("Martina Galli");
  await page.getByLabel("Indirizzo e-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("una-password-sicura");
  await page.getByLabel("Ripeti la password").fill("una-password-sicura");
  await page.getByLabel(/acconsento al trattamento/).check();
  await page.getByRole("button", { name: "Crea l'account" }).click();

  await expect(page).toHaveURL(/\/account\?ok=registered/);
  await expect(page.getByRole("status")).toContainText("Account creato");
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByRole("link", { name: "Accedi" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Faccount/);

  await page.getByLabel("Indirizzo e-mail").fill(email);
  await page.getByLabel("Password").fill("una-password-sicura");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Il mio account" })).toBeVisible();
  await expect(page.getByText("Martina Galli")).toBeVisible();
});

test("a failed registration comes back filled in, with Italian messages", async ({ page }) => {
  await page.goto("/registrati");
  await page.getByLabel("Nome e cognome").fill("Luca Neri");
  await page.getByLabel("Indirizzo e-mail").fill("luca-at-example");
  await page.getByLabel("Password", { exact: true }).fill("corta");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.getByRole("alert")).toContainText("Il modulo contiene errori");
  await expect(page.getByText("Indica un indirizzo e-mail valido.")).toBeVisible();
  await expect(page.getByText("La password deve avere almeno 10 caratteri")).toBeVisible();
  await expect(page.getByText("Per registrarti devi acconsentire")).toBeVisible();
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Luca Neri");
  await expect(page.getByLabel("Indirizzo e-mail")).toHaveValue("luca-at-example");
  await expect(page.getByLabel("Indirizzo e-mail")).toHaveAttribute("aria-invalid", "true");
});

test("wrong password → Italian error, e-mail still filled in", async ({ page }) => {
  await page.goto("/accedi");
  await page.getByLabel("Indirizzo e-mail").fill("cittadina@concerta.example");
  await page.getByLabel("Password").fill("password-sbagliata");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("alert")).toHaveText("E-mail o password non corretti.");
  await expect(page.getByLabel("Indirizzo e-mail")).toHaveValue("cittadina@concerta.example");
});

test("demo account logs in with the password in the README", async ({ page }) => {
  await page.goto("/accedi");
  await page.getByLabel("Indirizzo e-mail").fill("ufficio.tecnico@rho.example");
  await page.getByLabel("Password").fill("Concerta-demo-2026");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("heading", { name: "Il mio account" })).toBeVisible();
  // The organization represented (the demo also lists her registration for the Comune at a held table).
  await expect(page.getByText("Comune di Rho", { exact: true })).toBeVisible();
});

test("a participant asks to represent Comune di Rho, staff approve, the account shows it", async ({ browser, baseURL }) => {
  const { createSession, createUser } = await import("./fixtures/db");
  const participant = createUser({ name: "Ilaria Sala" });
  const staff = createUser({ role: "staff", name: "Staff Approvatore" });

  const pContext = await browser.newContext({ baseURL });
  await pContext.addCookies([{ name: "concerta_session", value: createSession(participant.id), url: baseURL! }]);
  const p = await pContext.newPage();
  await p.goto("/account");
  await p.getByRole("link", { name: /Chiedi di rappresentare/ }).click();
  await p.getByLabel("Organizzazione", { exact: true }).selectOption({ label: "Comune di Rho" });
  await p.getByLabel("Ruolo nell'organizzazione").fill("Ufficio tecnico");
  await p.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(p.getByRole("status")).toContainText("Richiesta inviata");
  const item = p.locator(".memberships li", { hasText: "Comune di Rho" });
  await expect(item).toContainText("In attesa di verifica");

  // Asking twice for the same organization is refused, with the choice kept.
  await p.goto("/account/organizzazioni");
  await p.getByLabel("Organizzazione", { exact: true }).selectOption({ label: "Comune di Rho" });
  await p.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(p.getByText("Hai già una richiesta in attesa o approvata")).toBeVisible();
  await expect(p.getByLabel("Organizzazione", { exact: true })).toHaveValue(/\d+/);

  const sContext = await browser.newContext({ baseURL });
  await sContext.addCookies([{ name: "concerta_session", value: createSession(staff.id), url: baseURL! }]);
  const s = await sContext.newPage();
  await s.goto("/gestione/adesioni");
  const form = s.getByRole("form", { name: /Ilaria Sala — Comune di Rho/ });
  await form.getByRole("button", { name: "Approva" }).click();
  await expect(s.getByRole("status")).toHaveText("Richiesta approvata.");

  await p.goto("/account");
  await expect(p.locator(".memberships li", { hasText: "Comune di Rho" })).toContainText("Approvata");
  await pContext.close();
  await sContext.close();
});

test("a participant gets 403 on staff pages and actions; anonymous users are sent to log in", async ({ page, login, request }) => {
  await page.goto("/gestione/adesioni");
  await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Fgestione%2Fadesioni/);

  await login();
  const response = await page.goto("/gestione/adesioni");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Si è verificato un problema" })).toBeVisible();
  await expect(page.getByText("Non hai i permessi")).toBeVisible();

  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const post = await request.post("/gestione/adesioni", { form: { membershipId: "1", decision: "approved" }, headers: { Cookie: cookie } });
  expect(post.status()).toBe(403);
  const anon = await request.post("/gestione/utenti", { form: { userId: "x", role: "admin" }, maxRedirects: 0 });
  expect(anon.status()).toBe(302);
});

test("a post from another origin is refused", async ({ request }) => {
  const r = await request.post("/accedi", { form: { email: "a@b.it", password: "x" }, headers: { Origin: "https://evil.example" } });
  expect(r.status()).toBe(403);
});

test("an admin changes a role", async ({ page, login }) => {
  const { createUser } = await import("./fixtures/db");
  const target = createUser({ name: "Promossa Staff" });
  await login({ role: "admin" });
  await page.goto(`/gestione/utenti?q=${encodeURIComponent(target.email)}`);
  await page.getByLabel(/Cambia ruolo: Promossa Staff/).selectOption("staff");
  await page.getByRole("button", { name: "Cambia ruolo" }).click();
  await expect(page.getByRole("status")).toHaveText("Ruolo aggiornato.");
  const row = e2eDb().prepare("select role from users where id = ?").get(target.id) as { role: string };
  expect(row.role).toBe("staff");
});

test("download my data and delete my account: logged out everywhere", async ({ page, login, browser, baseURL }) => {
  const user = await login({ name: "Ottavia Cancellanda" });
  // A second session of the same person, elsewhere.
  const { createSession } = await import("./fixtures/db");
  const other = await browser.newContext({ baseURL });
  await other.addCookies([{ name: "concerta_session", value: createSession(user.id), url: baseURL! }]);
  const otherPage = await other.newPage();
  await otherPage.goto("/account");
  await expect(otherPage.getByText("Ottavia Cancellanda")).toBeVisible();

  await page.goto("/account");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica i miei dati (JSON)" }).click();
  const download = await downloadPromise;
  const json = JSON.parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString("utf8")));
  expect(json.account.email).toBe(user.email);
  expect(json.account.name).toBe("Ottavia Cancellanda");

  await page.getByRole("link", { name: "Elimina l'account" }).click();
  await page.getByLabel("Per confermare scrivi ELIMINA").fill("elimina?");
  await page.getByRole("button", { name: "Elimina definitivamente il mio account" }).click();
  await expect(page.getByText("Per confermare scrivi ELIMINA.")).toBeVisible();
  await expect(page.getByLabel("Per confermare scrivi ELIMINA")).toHaveValue("elimina?");
  await page.getByLabel("Per confermare scrivi ELIMINA").fill("ELIMINA");
  await page.getByRole("button", { name: "Elimina definitivamente il mio account" }).click();
  await expect(page.getByRole("status")).toHaveText("Il tuo account è stato eliminato.");

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/accedi/);
  const row = e2eDb().prepare("select email, name, deleted_at from users where id = ?").get(user.id) as Record<string, unknown>;
  expect(row.email).toBeNull();
  expect(row.name).toBeNull();
  expect(row.deleted_at).not.toBeNull();
  await other.close();
});

test("the language switch changes the interface and <html lang>", async ({ page }) => {
  await page.goto("/accedi");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expect(page).toHaveURL(/\/accedi/);
  await switchLanguage(page, "it");
  await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
});

test.describe("accessibility of the account and staff pages", () => {
  const publicPages = ["/accedi", "/registrati", "/pagina-che-non-esiste"];
  const participantPages = ["/account", "/account/password", "/account/organizzazioni", "/account/elimina"];
  const adminPages = ["/gestione", "/gestione/adesioni", "/gestione/utenti", "/gestione/posta"];

  for (const lang of ["it", "en"] as const) {
    test(`no axe violations (${lang})`, async ({ page, login }) => {
      test.setTimeout(120_000); // a dozen pages checked in one test
      await page.goto("/");
      if (lang === "en") await switchLanguage(page, "en");
      for (const path of publicPages) {
        await page.goto(path);
        await expectNoA11yViolations(page, `${path} (${lang})`);
      }
      // A failed form, with its error messages, must be accessible too.
      await page.goto("/registrati");
      await page.locator("form button[type=submit]").last().click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page, `/registrati with errors (${lang})`);

      await login({ role: "admin" });
      for (const path of [...participantPages, ...adminPages]) {
        await page.goto(path);
        await expectNoA11yViolations(page, `${path} (${lang})`);
      }
    });
  }
});
