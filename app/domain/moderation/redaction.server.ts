// Redaction of personal data: moderators replace an exact passage of what an author wrote with a
// placeholder, in every text field of that item holding it (an amendment has two), and in the
// published reports only where they quote that item. The rest of the text stays; the log records
// where and how long the passage was — never the passage itself.
import { db } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { redactItemInReports } from "~/domain/reports/reports.server";
import { redactions } from "~db/schema";
import { REDACTION_PLACEHOLDER } from "./kinds";
import { loadItem, ModerationError, noun, notifyAuthor, textFields, writeTextField, type ItemRef } from "./items.server";

export function redactPassage(input: { actorId: string; item: ItemRef; passage: string; reason?: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const passage = input.passage;
  if (!passage.trim()) throw new ModerationError("moderation.error.passageRequired", 400, { field: "passage" });
  const reason = (input.reason ?? "").trim().slice(0, 1000) || "Dati personali";
  db.transaction(
    (tx) => {
      const item = loadItem(tx, input.item);
      if (item.deleted || item.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
      const found = textFields(tx, item).filter((f) => f.text.includes(passage));
      if (found.length === 0) throw new ModerationError("moderation.error.passageNotFound", 400, { field: "passage" });
      const where = found.map((f) => ({ field: f.field, position: f.text.indexOf(passage), occurrences: f.text.split(passage).length - 1 }));
      for (const f of found) writeTextField(tx, item, f.field, f.text.split(passage).join(REDACTION_PLACEHOLDER));
      const row = tx.insert(redactions).values({ itemKind: item.kind, itemId: item.id, reason, redactedBy: input.actorId, redactedAt: now }).returning({ id: redactions.id }).get();
      // Published reports quote contributions and amendments: the passage leaves their quotations too.
      const reportVersionsRedacted = item.kind === "contribution" || item.kind === "amendment" ? redactItemInReports(tx, { kind: item.kind, id: item.id }, passage, REDACTION_PLACEHOLDER) : 0;
      recordAudit(tx, {
        actorId: input.actorId,
        action: `${item.kind}.redacted`,
        subjectType: item.kind,
        subjectId: item.id,
        // The first field keeps the shape earlier entries have; `fields` lists every field touched.
        before: { field: where[0].field, position: where[0].position, length: passage.length, occurrences: where[0].occurrences, fields: where },
        after: { field: where[0].field, fields: where.map((w) => w.field), placeholder: REDACTION_PLACEHOLDER, redactionId: row.id, reason, reportVersionsRedacted },
      });
      notifyAuthor(
        tx,
        item,
        "redacted",
        `Una parte del tuo ${noun(item.kind)} è stata rimossa`,
        `La redazione ha rimosso dal tuo ${noun(item.kind)} ${item.label} un passaggio che conteneva dati personali; il resto del testo è rimasto com'era.\n\nMotivo: ${reason}`,
      );
    },
    { behavior: "immediate" },
  );
}
