/** Moderation: the queue, item pages, reports, outcomes, workload, audit log, notification preferences. */
const moderation = {
  "browse.filters.outcome.accolto": "Accolto",
  "browse.filters.outcome.parzialmente_accolto": "Parzialmente accolto",
  "browse.filters.outcome.non_accolto": "Non accolto",
  "browse.filters.outcome.non_pertinente": "Non pertinente",

  "moderation.error.notFound": "Elemento non trovato.",
  "moderation.error.notModeratable": "Questo elemento non può più essere moderato così: il suo stato è cambiato. Ricarica la pagina.",
  "moderation.error.noSelection": "Seleziona almeno un elemento.",
  "moderation.error.tooMany": "Puoi selezionare al massimo 1000 elementi alla volta.",
  "moderation.error.reasonRequired": "Indica il motivo.",
  "moderation.error.messageRequired": "Scrivi il messaggio per l'autore.",
  "moderation.error.duplicateSelf": "Un contributo non può essere duplicato di se stesso.",
  "moderation.error.duplicateTarget": "Il contributo indicato come originale non esiste.",
  "moderation.error.duplicateCycle": "Il contributo indicato è già segnato come duplicato di questo.",
  "moderation.error.notReportable": "Si possono segnalare solo contenuti pubblicati.",
  "moderation.error.nothingToRestore": "Non c'è niente da ripristinare: l'elemento è visibile e non ha segnalazioni aperte.",
  "moderation.error.notReported": "L'elemento non ha segnalazioni aperte: per nasconderlo usa «Respingi».",
  "moderation.error.passageRequired": "Incolla il passaggio da rimuovere.",
  "moderation.error.passageNotFound": "Il passaggio non compare nel testo: copialo esattamente com'è scritto.",
  "moderation.error.responseRequired": "Scrivi la risposta motivata.",
  "moderation.error.responseTooLong": "La risposta motivata supera i 20.000 caratteri.",
  "moderation.error.outcomeNotPublished": "Si può dare un esito solo a un contributo o a un emendamento pubblicato.",
  "moderation.error.versionNotFound": "Scegli una versione della bozza.",
  "moderation.error.sectionNotInVersion": "Una delle sezioni scelte non appartiene a questa versione.",
  "moderation.error.authorText": "Il titolo e il testo dell'autore non si modificano: si possono correggere solo tipo, temi e luogo.",
} as const;

export default moderation;
