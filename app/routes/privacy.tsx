import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PRIVACY_NOTICE_VERSION } from "~/domain/accounts/users.server";
import { LegalText, LegalToc, type LegalSection } from "~/components/legal/LegalText";
import type { Lang } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";

export const handle: RouteHandle = { breadcrumb: { key: "privacy.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("privacy.metaTitle") }];

/** The version shown is the one recorded with each user's consent at sign-up. */
export async function loader() {
  return { version: PRIVACY_NOTICE_VERSION };
}

const MAIL = "pianificazione@cittametropolitana.mi.it";
const PEC = "protocollo@pec.cittametropolitana.mi.it";

type Content = { intro: string; sections: LegalSection[] };

// The notice is long legal text: kept here per language rather than as dozens of catalogue keys.
const CONTENT: Record<Lang, Content> = {
  it: {
    intro:
      "Questa informativa spiega come la Città metropolitana di Milano tratta i dati personali di chi usa Concerta, la piattaforma per la consultazione sulle Strategie Tematico-Territoriali Metropolitane, ai sensi dell'articolo 13 del Regolamento (UE) 2016/679 (GDPR). Chi consulta le pagine pubbliche senza registrarsi non fornisce dati personali, salvo i dati tecnici descritti più sotto.",
    sections: [
      {
        id: "titolare",
        heading: "Titolare del trattamento",
        blocks: [
          {
            p: [
              "Il titolare del trattamento è la Città metropolitana di Milano, Via Vivaio 1, 20122 Milano, PEC ",
              { href: `mailto:${PEC}`, text: PEC },
              ". I dati sono trattati dal Settore Pianificazione territoriale generale, che cura la consultazione.",
            ],
          },
          {
            p: [
              "Il Responsabile della protezione dei dati (RPD) può essere contattato ai recapiti pubblicati sul ",
              { href: "https://www.cittametropolitana.mi.it/", text: "sito istituzionale della Città metropolitana" },
              ".",
            ],
          },
        ],
      },
      {
        id: "dati",
        heading: "Quali dati trattiamo",
        blocks: [
          {
            ul: [
              ["Dati dell'account: nome e cognome, indirizzo e-mail, password (conservata solo come impronta crittografica, mai in chiaro), lingua preferita e ruolo sulla piattaforma."],
              ["Consenso: data e versione dell'informativa accettata al momento della registrazione."],
              [
                "Adesioni alle organizzazioni: l'organizzazione (Comune, ente, associazione, impresa…) che chiedi di rappresentare, il ruolo che vi ricopri, il messaggio della richiesta e l'esito della verifica svolta dal personale.",
              ],
              [
                "Contributi: il testo, il tipo (proposta, osservazione, segnalazione, buona pratica), i temi, l'eventuale posizione sulla mappa, e i dati di iscrizione e partecipazione agli incontri.",
              ],
              [
                "Dati tecnici: un cookie di sessione, necessario per restare collegati, e un cookie che ricorda la lingua scelta; l'indirizzo IP, tenuto solo in memoria e per pochi minuti per limitare i tentativi di accesso non riusciti; il registro delle operazioni svolte dal personale, che contiene identificativi e non nomi né indirizzi e-mail.",
              ],
            ],
          },
          {
            p: [
              "Concerta non usa cookie di profilazione né strumenti di statistica di terze parti. Le mappe scaricano le immagini dello sfondo cartografico dal fornitore indicato nel piè di pagina, che per questo riceve l'indirizzo IP del browser.",
            ],
          },
        ],
      },
      {
        id: "finalita",
        heading: "Per quali finalità",
        blocks: [
          {
            ul: [
              ["gestire la registrazione, l'accesso e la sicurezza dell'account;"],
              ["permettere la partecipazione alla consultazione: invio di contributi, iscrizione agli incontri, partecipazione per conto di un'organizzazione verificata;"],
              [
                "dare conto dei contributi nel procedimento di formazione delle STTM, come prevede l'art. 7bis delle Norme di attuazione del PTM, pubblicando per ciascuno l'esito motivato;",
              ],
              ["inviare comunicazioni di servizio legate alla consultazione, ad esempio conferme di iscrizione agli incontri ed esiti dei contributi;"],
              ["elaborare statistiche aggregate e anonime sulla partecipazione, per zona omogenea e per tipo di partecipante."],
            ],
          },
        ],
      },
      {
        id: "base-giuridica",
        heading: "Base giuridica",
        blocks: [
          {
            p: [
              "Il trattamento è necessario per l'esecuzione di un compito di interesse pubblico connesso all'esercizio dei pubblici poteri della Città metropolitana in materia di pianificazione territoriale (art. 6, par. 1, lett. e) del GDPR; Legge 7 aprile 2014, n. 56; Legge regionale della Lombardia 11 marzo 2005, n. 12; Norme di attuazione del PTM).",
            ],
          },
          {
            p: [
              "Alla registrazione ti chiediamo inoltre di dichiarare di aver letto questa informativa e di acconsentire al trattamento (art. 6, par. 1, lett. a) del GDPR). Puoi revocare il consenso in ogni momento eliminando l'account; la revoca non rende illecito il trattamento svolto in precedenza.",
            ],
          },
        ],
      },
      {
        id: "destinatari",
        heading: "Chi può vedere i dati",
        blocks: [
          {
            ul: [
              [
                "I contributi pubblicati sono visibili a chiunque, insieme al nome di chi li ha inviati o dell'organizzazione rappresentata: il procedimento di formazione delle STTM è pubblico.",
              ],
              ["L'indirizzo e-mail, le richieste di adesione e i dati tecnici sono visibili solo al personale autorizzato della Città metropolitana."],
              [
                "I fornitori che gestiscono l'infrastruttura tecnica per conto della Città metropolitana agiscono come responsabili del trattamento (art. 28 del GDPR). Non è previsto il trasferimento dei dati verso Paesi terzi.",
              ],
            ],
          },
        ],
      },
      {
        id: "conservazione",
        heading: "Per quanto tempo",
        blocks: [
          {
            ul: [
              ["I dati dell'account sono conservati finché l'account esiste."],
              [
                "Quando elimini l'account, nome, indirizzo e-mail, password e i testi delle richieste di adesione sono cancellati subito e le sessioni aperte vengono chiuse.",
              ],
              [
                "I contributi già pubblicati restano, perché fanno parte degli atti del procedimento: sono attribuiti a «utente cancellato» o all'organizzazione per cui sono stati inviati e sono conservati secondo le regole sugli archivi della pubblica amministrazione.",
              ],
              ["Le sessioni scadono automaticamente; i contatori dei tentativi di accesso sono tenuti solo in memoria e si azzerano dopo pochi minuti."],
            ],
          },
        ],
      },
      {
        id: "diritti",
        heading: "I tuoi diritti",
        blocks: [
          { p: ["Puoi esercitare in ogni momento i diritti previsti dagli articoli 15-22 del GDPR:"] },
          {
            ul: [
              [
                "accesso e portabilità (artt. 15 e 20): nella pagina ",
                { href: "/account", text: "Il mio account" },
                " la voce «Scarica i miei dati» produce un file JSON con tutti i dati legati al tuo account;",
              ],
              ["rettifica dei dati inesatti (art. 16);"],
              ["cancellazione (art. 17): puoi ", { href: "/account/elimina", text: "eliminare l'account" }, " in autonomia, con gli effetti descritti sopra;"],
              ["limitazione (art. 18) e opposizione (art. 21) al trattamento, scrivendo ai contatti indicati qui sotto."],
            ],
          },
          {
            p: [
              "Se ritieni che il trattamento violi il GDPR puoi proporre reclamo al ",
              { href: "https://www.garanteprivacy.it/", text: "Garante per la protezione dei dati personali" },
              ".",
            ],
          },
        ],
      },
      {
        id: "contatti",
        heading: "Contatti",
        blocks: [
          {
            p: [
              "Per domande su questa informativa o per esercitare i tuoi diritti scrivi a ",
              { href: `mailto:${MAIL}`, text: MAIL },
              " oppure, da una casella PEC, a ",
              { href: `mailto:${PEC}`, text: PEC },
              ".",
            ],
          },
        ],
      },
    ],
  },
  en: {
    intro:
      "This notice explains how the Metropolitan City of Milan processes the personal data of the people who use Concerta, the platform for the consultation on the Metropolitan Thematic-Territorial Strategies, under Article 13 of Regulation (EU) 2016/679 (GDPR). Reading the public pages without signing up involves no personal data, except the technical data described below.",
    sections: [
      {
        id: "titolare",
        heading: "Data controller",
        blocks: [
          {
            p: [
              "The data controller is the Metropolitan City of Milan (Città metropolitana di Milano), Via Vivaio 1, 20122 Milano, certified e-mail (PEC) ",
              { href: `mailto:${PEC}`, text: PEC },
              ". The data are processed by the General Territorial Planning Sector, which runs the consultation.",
            ],
          },
          {
            p: [
              "The Data Protection Officer (DPO) can be reached at the contacts published on the ",
              { href: "https://www.cittametropolitana.mi.it/", text: "Metropolitan City's institutional website" },
              ".",
            ],
          },
        ],
      },
      {
        id: "dati",
        heading: "What data we process",
        blocks: [
          {
            ul: [
              ["Account data: first and last name, e-mail address, password (stored only as a cryptographic hash, never in clear), preferred language and role on the platform."],
              ["Consent: the date and the version of the notice accepted when signing up."],
              [
                "Organization memberships: the organization (municipality, public body, association, company…) you ask to represent, your position in it, the message of your request and the outcome of the staff's check.",
              ],
              [
                "Contributions: the text, the kind (proposal, observation, problem report, good practice), the themes, the place on the map if any, and your registrations for and attendance at meetings.",
              ],
              [
                "Technical data: a session cookie, needed to stay logged in, and a cookie remembering the chosen language; the IP address, held only in memory for a few minutes to limit failed log-in attempts; the log of actions performed by staff, which holds identifiers, not names or e-mail addresses.",
              ],
            ],
          },
          {
            p: [
              "Concerta uses no profiling cookies and no third-party analytics. Maps download the base map images from the provider named in the footer, which therefore receives the browser's IP address.",
            ],
          },
        ],
      },
      {
        id: "finalita",
        heading: "Purposes",
        blocks: [
          {
            ul: [
              ["managing sign-up, log-in and the security of the account;"],
              ["enabling participation in the consultation: sending contributions, registering for meetings, taking part on behalf of a verified organization;"],
              [
                "accounting for the contributions in the procedure that forms the STTM, as required by art. 7bis of the PTM implementing rules, by publishing a reasoned outcome for each one;",
              ],
              ["sending service messages about the consultation, such as meeting registration confirmations and the outcomes of contributions;"],
              ["producing aggregated, anonymous statistics on participation, by homogeneous zone and by kind of participant."],
            ],
          },
        ],
      },
      {
        id: "base-giuridica",
        heading: "Legal basis",
        blocks: [
          {
            p: [
              "Processing is necessary for the performance of a task carried out in the public interest, in the exercise of the official authority of the Metropolitan City in territorial planning (Art. 6(1)(e) GDPR; Law no. 56 of 7 April 2014; Lombardy Regional Law no. 12 of 11 March 2005; implementing rules of the PTM).",
            ],
          },
          {
            p: [
              "When signing up you are also asked to declare that you have read this notice and to consent to the processing (Art. 6(1)(a) GDPR). You can withdraw consent at any time by deleting your account; withdrawal does not affect the lawfulness of processing carried out before.",
            ],
          },
        ],
      },
      {
        id: "destinatari",
        heading: "Who can see the data",
        blocks: [
          {
            ul: [
              [
                "Published contributions can be seen by anyone, with the name of the person who sent them or of the organization represented: the procedure forming the STTM is public.",
              ],
              ["E-mail addresses, membership requests and technical data can be seen only by authorized staff of the Metropolitan City."],
              [
                "The providers running the technical infrastructure on behalf of the Metropolitan City act as data processors (Art. 28 GDPR). No transfer of data to third countries is planned.",
              ],
            ],
          },
        ],
      },
      {
        id: "conservazione",
        heading: "How long we keep the data",
        blocks: [
          {
            ul: [
              ["Account data are kept as long as the account exists."],
              ["When you delete your account, your name, e-mail address, password and the texts of your membership requests are erased at once, and open sessions are ended."],
              [
                "Contributions already published remain, because they are part of the records of the procedure: they are attributed to a “deleted user” or to the organization they were sent for, and are kept under the archiving rules of the public administration.",
              ],
              ["Sessions expire automatically; counters of log-in attempts are held only in memory and reset after a few minutes."],
            ],
          },
        ],
      },
      {
        id: "diritti",
        heading: "Your rights",
        blocks: [
          { p: ["You may exercise at any time the rights set out in Articles 15-22 GDPR:"] },
          {
            ul: [
              [
                "access and portability (Arts. 15 and 20): on the ",
                { href: "/account", text: "My account" },
                " page, “Download my data” produces a JSON file with all the data tied to your account;",
              ],
              ["rectification of inaccurate data (Art. 16);"],
              ["erasure (Art. 17): you can ", { href: "/account/elimina", text: "delete your account" }, " yourself, with the effects described above;"],
              ["restriction of (Art. 18) and objection to (Art. 21) processing, by writing to the contacts below."],
            ],
          },
          {
            p: [
              "If you believe the processing infringes the GDPR you may lodge a complaint with the ",
              { href: "https://www.garanteprivacy.it/", text: "Italian Data Protection Authority (Garante per la protezione dei dati personali)" },
              ".",
            ],
          },
        ],
      },
      {
        id: "contatti",
        heading: "Contacts",
        blocks: [
          {
            p: [
              "For questions about this notice or to exercise your rights write to ",
              { href: `mailto:${MAIL}`, text: MAIL },
              " or, from a certified e-mail (PEC) address, to ",
              { href: `mailto:${PEC}`, text: PEC },
              ".",
            ],
          },
        ],
      },
    ],
  },
};

export default function Privacy() {
  const { version } = useLoaderData<typeof loader>();
  const t = useT();
  const content = CONTENT[useLang()];
  return (
    <article className="legal">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{content.intro}</p>
      <p className="muted">{t("privacy.version", { version })}</p>
      <LegalToc sections={content.sections} label={t("legal.toc")} />
      <LegalText sections={content.sections} />
    </article>
  );
}
