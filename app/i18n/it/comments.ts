/** Comments, on whatever they are about (a contribution, a section of a draft…): one set of texts. */
const comments = {
  "comments.title": "Commenti",
  "comments.none": "Nessun commento per ora.",
  "comments.new": "Scrivi un commento",
  "comments.body": "Il tuo commento",
  "comments.bodyHint": "Testo semplice o Markdown (grassetto, elenchi, link), niente HTML. Al massimo 5.000 caratteri.",
  "comments.submit": "Invia il commento",
  "comments.login": "Accedi per commentare",
  "comments.moderationNote": "I commenti sono pubblicati dopo la verifica della redazione; finché è in attesa, il tuo commento lo vedi solo tu.",
  "comments.deleted": "Commento eliminato dall'autore.",
  "comments.edited": "modificato",
  "comments.repliesLabel": "Risposte al commento di {name}",
  "comments.replyTo": "Rispondi a {name}",
  "comments.replyBody": "La tua risposta",
  "comments.replySubmit": "Invia la risposta",
  "comments.edit": "Modifica",
  "comments.editBody": "Testo del commento",
  "comments.editHint": "Puoi modificare un commento entro 15 minuti dalla pubblicazione.",
  "comments.editSubmit": "Salva la modifica",
  "comments.delete": "Elimina il commento",

  "comments.ok.comment.pending": "Commento inviato: sarà visibile a tutti dopo la moderazione.",
  "comments.ok.comment.published": "Commento pubblicato.",
  "comments.ok.edited": "Commento modificato.",
  "comments.ok.deleted": "Commento eliminato.",

  "comments.error.empty": "Scrivi il testo del commento.",
  "comments.error.tooLong": "Il commento può avere al massimo 5.000 caratteri.",
  "comments.error.notFound": "Commento non trovato in questa pagina.",
  "comments.error.subjectNotFound": "Ciò che vuoi commentare non esiste più.",
  "comments.error.notMember": "Non puoi agire a nome di questa organizzazione: non risulti un suo rappresentante approvato.",
  "comments.error.parentInvalid": "Il commento a cui rispondi non esiste più, non è visibile o non è su questa pagina.",
  "comments.error.notAuthor": "Puoi modificare o eliminare solo i tuoi commenti.",
  "comments.error.alreadyDeleted": "Il commento è già stato eliminato.",
} as const;

export default comments;
