/** Public plan pages: home, strategies (STTM), PTM objectives, legal pages' labels. */
const plan = {
  "home.metaTitle": "Concerta — Consultazione sulle strategie metropolitane",
  "home.kicker": "Piano Territoriale Metropolitano",
  "home.title": "Costruiamo insieme le strategie del territorio metropolitano",
  "home.lead":
    "Concerta è la piattaforma con cui la Città metropolitana di Milano redige, insieme a Comuni, enti, associazioni, imprese e cittadini, le Strategie Tematico-Territoriali Metropolitane (STTM).",
  "home.ptm":
    "Il Piano Territoriale Metropolitano (PTM), in vigore da ottobre 2021, orienta le trasformazioni del territorio dei 133 Comuni della Città metropolitana. Il PTM si attua attraverso le STTM (art. 7bis delle Norme di attuazione): strategie aperte e incrementali, redatte per concertazione con i Comuni, le altre amministrazioni e i portatori di interessi.",
  "home.purposeTitle": "A cosa serve Concerta",
  "home.purposeRead": "Leggere le bozze delle strategie e seguirne le versioni, dal progetto preliminare all'approvazione.",
  "home.purposeContribute":
    "Inviare contributi geolocalizzati — proposte, osservazioni, segnalazioni e buone pratiche — e seguire l'esito di ciascuno.",
  "home.purposeMeet":
    "Partecipare agli incontri: il kick-off, i tavoli con i Comuni, i tavoli territoriali di ogni zona omogenea e la conferenza istruttoria.",
  "home.accountability":
    "L'atto di adozione di ogni strategia dà conto dei contributi ricevuti: per ciascuno viene indicato che cosa ne è stato e perché.",
  "home.ctaStrategies": "Leggi le strategie",
  "home.ctaRegister": "Registrati per partecipare",
  "home.strategiesTitle": "Le tre strategie",
  "home.strategiesIntro": "Le prime tre STTM affrontano tre temi del PTM. Ciascuna è articolata in bersagli di lavoro, ai quali si riferiscono i contributi.",
  "home.allStrategies": "Tutte le strategie e i bersagli di lavoro",
  "home.processTitle": "Il percorso",
  "home.processIntro": "Le tappe della redazione delle prime tre STTM.",
  "home.rulesTitle": "Le regole del procedimento",
  "home.rulesIntro": "Le Norme di attuazione del PTM stabiliscono come le STTM vengono messe a disposizione, adottate e aggiornate:",
  "plan.sttmLabel": "STTM {number}",
  "plan.targetsCount.one": "{count} bersaglio di lavoro",
  "plan.targetsCount.other": "{count} bersagli di lavoro",
  "plan.strategies.metaTitle": "Strategie (STTM) — Concerta",
  "plan.strategies.title": "Strategie Tematico-Territoriali Metropolitane",
  "plan.strategies.lead":
    "Le STTM attuano il PTM su temi specifici. Ogni strategia si compone di tre quadri — conoscitivo, strategico e normativo — e di bersagli di lavoro: i temi su cui si raccolgono e si discutono i contributi.",
  "plan.strategies.open": "Apri la STTM {number}",
  "plan.strategy.backToList": "Tutte le strategie",
  "plan.strategy.frameworksTitle": "I quadri della strategia",
  "plan.strategy.frameworksIntro": "Come ogni STTM, la strategia si articola in tre quadri:",
  "plan.strategy.targetsTitle": "Bersagli di lavoro",
  "plan.strategy.targetsCaption": "Bersagli di lavoro della STTM {number}",
  "plan.target.code": "Codice",
  "plan.target.title": "Bersaglio di lavoro",
  "plan.target.theme": "Tema",
  "plan.strategy.notFound": "La strategia richiesta non esiste. Le strategie disponibili sono elencate nella pagina delle strategie.",
  "plan.objectives.metaTitle": "Principi e obiettivi del PTM — Concerta",
  "plan.objectives.title": "Principi e obiettivi del PTM",
  "plan.objectives.lead":
    "Il Piano Territoriale Metropolitano si fonda su quattro principi e persegue dieci obiettivi. Le strategie e i contributi vi fanno riferimento.",
  "plan.principles.title": "Principi",
  "plan.objectives.listTitle": "Obiettivi",
  "plan.contentLanguageNote": "I testi del piano sono riportati nella formulazione ufficiale in italiano.",
  "legal.toc": "In questa pagina",
  "legal.updated": "Ultimo aggiornamento: {date}",
  "privacy.metaTitle": "Informativa sulla privacy — Concerta",
  "privacy.version": "Versione dell'informativa: {version}",
  "accessibility.metaTitle": "Dichiarazione di accessibilità — Concerta",
} as const;

export default plan;
