import type it from "../it/notifications";

const notifications: Record<keyof typeof it, string> = {
  "outbox.title": "Outbox",
  "outbox.intro": "Every message the platform sends, recorded before it is sent.",
  "outbox.smtpOn": "E-mail delivery active (SMTP configured).",
  "outbox.smtpOff": "E-mail delivery not configured: messages stay here and in the recipients' accounts.",
  "outbox.empty": "No messages.",
  "outbox.when": "Date",
  "outbox.to": "Recipient",
  "outbox.subject": "Subject",
  "outbox.status": "Status",
  "outbox.sent": "Sent",
  "outbox.notSent": "Not sent",
  "outbox.failed": "Error: {error}",
  "outbox.open": "Open",
  "account.messages": "My messages",
  "account.noMessages": "No messages.",
};

export default notifications;
