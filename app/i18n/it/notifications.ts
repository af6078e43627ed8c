const notifications = {
  "outbox.title": "Posta in uscita",
  "outbox.intro": "Tutti i messaggi inviati dalla piattaforma, registrati prima dell'invio.",
  "outbox.smtpOn": "Invio e-mail attivo (SMTP configurato).",
  "outbox.smtpOff": "Invio e-mail non configurato: i messaggi restano qui e nell'account dei destinatari.",
  "outbox.empty": "Nessun messaggio.",
  "outbox.when": "Data",
  "outbox.to": "Destinatario",
  "outbox.subject": "Oggetto",
  "outbox.status": "Stato",
  "outbox.sent": "Inviato",
  "outbox.notSent": "Non inviato",
  "outbox.failed": "Errore: {error}",
  "outbox.open": "Apri",
  "account.messages": "I miei messaggi",
  "account.noMessages": "Nessun messaggio.",
} as const;

export default notifications;
