import { Link } from "@remix-run/react";
import { translator, type Lang } from "~/i18n";

export function SiteFooter({ lang }: { lang: Lang }) {
  const t = translator(lang);
  return (
    <footer className="site-footer" id="footer" tabIndex={-1}>
      <div className="container footer-grid">
        <section aria-labelledby="footer-contacts">
          <h2 id="footer-contacts">{t("footer.contacts")}</h2>
          <p>{t("footer.contactsText")}</p>
          <p>
            {t("footer.email")}: <a href="mailto:pianificazione@cittametropolitana.mi.it">pianificazione@cittametropolitana.mi.it</a>
            <br />
            {t("footer.pec")}: <a href="mailto:protocollo@pec.cittametropolitana.mi.it">protocollo@pec.cittametropolitana.mi.it</a>
          </p>
        </section>
        <section aria-labelledby="footer-data">
          <h2 id="footer-data">{t("footer.dataAttribution")}</h2>
          <ul>
            <li>{t("footer.boundaries")}</li>
            <li>{t("footer.ptm")}</li>
            <li>{t("footer.mapTiles")}</li>
            <li>
              <Link to="/dati">{t("opendata.footerLink")}</Link>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-legal">
          <h2 id="footer-legal">{t("footer.legal")}</h2>
          <ul>
            <li>
              <Link to="/privacy">{t("footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/accessibilita">{t("footer.accessibility")}</Link>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  );
}
