import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { LegalText, LegalToc, type LegalSection } from "~/components/legal/LegalText";
import type { Lang } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";

export const handle: RouteHandle = { breadcrumb: { key: "accessibility.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("accessibility.metaTitle") }];

const MAIL = "pianificazione@cittametropolitana.mi.it";
const AGID_FORM = "https://form.agid.gov.it/";

type Content = { intro: string; updated: string; sections: LegalSection[] };

// Long statement text: kept here per language rather than as dozens of catalogue keys.
const CONTENT: Record<Lang, Content> = {
  it: {
    intro:
      "La Città metropolitana di Milano si impegna a rendere accessibile Concerta, la piattaforma per la consultazione sulle Strategie Tematico-Territoriali Metropolitane, in conformità alla Legge 9 gennaio 2004, n. 4 e alle Linee guida sull'accessibilità degli strumenti informatici dell'Agenzia per l'Italia Digitale (AgID). Questa dichiarazione si applica al sito Concerta.",
    updated: "novembre 2026",
    sections: [
      {
        id: "conformita",
        heading: "Stato di conformità",
        blocks: [
          {
            p: [
              "Il requisito di riferimento è il livello AA delle Web Content Accessibility Guidelines (WCAG) 2.1, richiamate dalla norma UNI EN 301549 e dalle Linee guida AgID. Il servizio è in sviluppo: la conformità è verificata con una valutazione interna a ogni modifica, nei modi descritti qui sotto, e non è ancora stata oggetto di una verifica da parte di terzi.",
            ],
          },
        ],
      },
      {
        id: "verifiche",
        heading: "Come verifichiamo l'accessibilità",
        blocks: [
          {
            ul: [
              [
                "Ogni pagina è controllata automaticamente con axe-core sulle regole WCAG 2.0 e 2.1 di livello A e AA, in italiano e in inglese, a ogni modifica del codice: una violazione fa fallire i test.",
              ],
              [
                "Pagine e moduli sono provati con la sola tastiera: tutti i comandi sono raggiungibili, il focus è sempre visibile e i collegamenti «Vai al contenuto principale» permettono di saltare la navigazione.",
              ],
              [
                "Il testo ha un contrasto di almeno 4,5:1 con lo sfondo; la lingua di ogni pagina e dei brani in altra lingua è dichiarata; i campi dei moduli hanno etichette e messaggi di errore collegati.",
              ],
              ["Le pagine sono generate sul server: i contenuti sono leggibili anche senza JavaScript."],
            ],
          },
        ],
      },
      {
        id: "limiti",
        heading: "Contenuti che possono non essere accessibili",
        blocks: [
          {
            p: [
              "Le mappe interattive possono risultare difficili da usare con la tastiera o con un lettore di schermo: le informazioni essenziali della consultazione (testi delle strategie, contributi, incontri) non dipendono dalla mappa e sono disponibili anche come testo. I documenti allegati prodotti da altri soggetti, ad esempio file PDF, potrebbero non essere pienamente accessibili. Se un contenuto non ti è accessibile, segnalacelo: te lo forniremo in una forma alternativa.",
            ],
          },
        ],
      },
      {
        id: "feedback",
        heading: "Segnalazioni e contatti",
        blocks: [
          {
            p: [
              "Per segnalare un problema di accessibilità o chiedere un contenuto in forma accessibile scrivi a ",
              { href: `mailto:${MAIL}?subject=${encodeURIComponent("Accessibilità di Concerta")}`, text: MAIL },
              ", indicando l'indirizzo della pagina e il problema riscontrato. Ti risponderemo entro 30 giorni.",
            ],
          },
        ],
      },
      {
        id: "procedura",
        heading: "Procedura di attuazione",
        blocks: [
          {
            p: [
              "Se la risposta non è soddisfacente o non ricevi risposta entro 30 giorni, puoi inviare una segnalazione al Difensore civico per il digitale istituito presso AgID, come previsto dall'articolo 3-quinquies, comma 3, della Legge 4/2004, attraverso la ",
              { href: AGID_FORM, text: "piattaforma form.agid.gov.it" },
              ".",
            ],
          },
        ],
      },
      {
        id: "dichiarazione",
        heading: "Informazioni sulla dichiarazione",
        blocks: [
          {
            p: [
              "La dichiarazione è stata redatta sulla base di una valutazione interna. È aggiornata a ogni modifica rilevante del servizio e almeno una volta l'anno, come previsto dalle Linee guida AgID.",
            ],
          },
        ],
      },
    ],
  },
  en: {
    intro:
      "The Metropolitan City of Milan is committed to making Concerta, the platform for the consultation on the Metropolitan Thematic-Territorial Strategies, accessible, in accordance with Italian Law no. 4 of 9 January 2004 and the accessibility guidelines of the Agency for Digital Italy (AgID). This statement applies to the Concerta website.",
    updated: "November 2026",
    sections: [
      {
        id: "conformita",
        heading: "Compliance status",
        blocks: [
          {
            p: [
              "The reference requirement is level AA of the Web Content Accessibility Guidelines (WCAG) 2.1, referenced by standard EN 301 549 and by the AgID guidelines. The service is under development: compliance is checked by an internal assessment at every change, as described below, and has not yet been audited by a third party.",
            ],
          },
        ],
      },
      {
        id: "verifiche",
        heading: "How we check accessibility",
        blocks: [
          {
            ul: [
              [
                "Every page is checked automatically with axe-core against the WCAG 2.0 and 2.1 level A and AA rules, in Italian and in English, at every code change: a violation makes the tests fail.",
              ],
              [
                "Pages and forms are tried with the keyboard alone: every control can be reached, focus is always visible and “Skip to main content” links let you skip the navigation.",
              ],
              [
                "Text has a contrast of at least 4.5:1 with its background; the language of every page, and of passages in another language, is declared; form fields have labels and error messages tied to them.",
              ],
              ["Pages are rendered on the server: the content can be read without JavaScript."],
            ],
          },
        ],
      },
      {
        id: "limiti",
        heading: "Content that may not be accessible",
        blocks: [
          {
            p: [
              "Interactive maps may be hard to use with the keyboard or a screen reader: the essential information of the consultation (texts of the strategies, contributions, meetings) does not depend on the map and is also available as text. Attached documents produced by others, such as PDF files, may not be fully accessible. If some content is not accessible to you, let us know and we will provide it in an alternative form.",
            ],
          },
        ],
      },
      {
        id: "feedback",
        heading: "Feedback and contacts",
        blocks: [
          {
            p: [
              "To report an accessibility problem or to ask for content in an accessible form, write to ",
              { href: `mailto:${MAIL}?subject=${encodeURIComponent("Concerta accessibility")}`, text: MAIL },
              ", giving the address of the page and the problem you found. We will reply within 30 days.",
            ],
          },
        ],
      },
      {
        id: "procedura",
        heading: "Enforcement procedure",
        blocks: [
          {
            p: [
              "If the answer is unsatisfactory or you get no answer within 30 days, you can report the matter to the Digital Ombudsman (Difensore civico per il digitale) at AgID, under Article 3-quinquies(3) of Law 4/2004, through the ",
              { href: AGID_FORM, text: "form.agid.gov.it platform" },
              ".",
            ],
          },
        ],
      },
      {
        id: "dichiarazione",
        heading: "About this statement",
        blocks: [
          {
            p: [
              "This statement was prepared on the basis of an internal assessment. It is updated at every significant change of the service and at least once a year, as the AgID guidelines require.",
            ],
          },
        ],
      },
    ],
  },
};

export default function Accessibility() {
  const t = useT();
  const content = CONTENT[useLang()];
  return (
    <article className="legal">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{content.intro}</p>
      <p className="muted">{t("legal.updated", { date: content.updated })}</p>
      <LegalToc sections={content.sections} label={t("legal.toc")} />
      <LegalText sections={content.sections} />
    </article>
  );
}
