import { Form, NavLink, useLocation } from "@remix-run/react";
import { translator, type Lang } from "~/i18n";

type HeaderUser = { name: string; isStaff: boolean; isAdmin: boolean } | null;

/** Designers Italia header: slim bar (authority, language, account), then the service name and the main navigation. */
export function SiteHeader({ lang, user }: { lang: Lang; user: HeaderUser }) {
  const t = translator(lang);
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <div className="header-slim">
        <div className="container header-slim-inner">
          <a className="authority" href="https://www.cittametropolitana.mi.it/" rel="noopener">
            {t("site.authority")}
          </a>
          <div className="header-slim-right">
            <Form method="post" action="/lingua" className="lang-switch" reloadDocument>
              <input type="hidden" name="redirectTo" value={here} />
              <span className="visually-hidden" id="lang-label">
                {t("lang.switchLabel")}
              </span>
              <button type="submit" name="lang" value="it" aria-pressed={lang === "it"} lang="it" aria-describedby="lang-label">
                IT<span className="visually-hidden"> — {t("lang.it")}</span>
              </button>
              <button type="submit" name="lang" value="en" aria-pressed={lang === "en"} lang="en" aria-describedby="lang-label">
                EN<span className="visually-hidden"> — {t("lang.en")}</span>
              </button>
            </Form>
            {user ? (
              <div className="account-links">
                <NavLink to="/account">{t("nav.account")}</NavLink>
                <Form method="post" action="/esci">
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </div>
            ) : (
              <div className="account-links">
                <NavLink to={`/accedi?redirectTo=${encodeURIComponent(here)}`}>{t("nav.login")}</NavLink>
                <NavLink to="/registrati">{t("nav.register")}</NavLink>
              </div>
            )}
          </div>
        </div>
      </div>
      <div className="header-center">
        <div className="container">
          <a href="/" className="brand">
            <span className="brand-name">{t("site.name")}</span>
            <span className="brand-tagline">{t("site.tagline")}</span>
          </a>
        </div>
      </div>
      <nav className="header-nav" id="main-nav" aria-label={t("nav.label")}>
        <div className="container">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/strategie">{t("nav.plan")}</NavLink>
            </li>
            <li>
              <NavLink to="/obiettivi">{t("nav.objectives")}</NavLink>
            </li>
            <li>
              <NavLink to="/territorio">{t("nav.territory")}</NavLink>
            </li>
            <li>
              <NavLink to="/incontri">{t("nav.meetings")}</NavLink>
            </li>
            <li>
              <NavLink to="/contributi">{t("nav.contributions")}</NavLink>
            </li>
            <li>
              <NavLink to="/partecipazione">{t("dashboard.nav")}</NavLink>
            </li>
            {user?.isStaff ? (
              <li>
                <NavLink to="/gestione">{t("nav.staff")}</NavLink>
              </li>
            ) : null}
          </ul>
        </div>
      </nav>
    </header>
  );
}
