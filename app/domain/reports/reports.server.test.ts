import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { redactPassage } from "~/domain/moderation/redaction.server";
import { REDACTION_PLACEHOLDER } from "~/domain/moderation/kinds";
import { db } from "~/lib/db.server";
import { reportVersions } from "~db/schema";
import { insertContribution } from "../../../test/contributions";
import { seedReference } from "../../../test/db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { auditOf } from "../../../test/moderation";
import type { ReportDocument } from "./document";
import { findReport, getPublishedReport, listReportVersions, publishReportVersion, ReportError, saveReportTexts, withRenderedHtml } from "./reports.server";

let staff: { id: string };
let versionId: number;

beforeAll(() => {
  seedReference();
  staff = insertUser("Redattrice", "staff");
  versionId = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 }).versionId;
});

function doc(text: string): ReportDocument {
  return {
    kind: "participation",
    title: "Rapporto sulla partecipazione",
    subtitle: "STTM 1",
    generatedAt: new Date().toISOString(),
    sections: [{ id: "s-a", title: "A", blocks: [{ type: "text", markdown: text, html: "<p>stale</p>" }] }],
    data: [],
  };
}

describe("report store", () => {
  it("publishes numbered versions; a correction needs a note; earlier versions stay readable", () => {
    const subject = { kind: "participation" as const, draftVersionId: versionId };
    saveReportTexts({ actorId: staff.id, subject, introduction: "Intro", conclusions: "Fine" });
    const first = publishReportVersion({ actorId: staff.id, subject, document: doc("Prima stesura") });
    expect(first.number).toBe(1);
    expect(() => publishReportVersion({ actorId: staff.id, subject, document: doc("Seconda") })).toThrow(ReportError);
    const second = publishReportVersion({ actorId: staff.id, subject, document: doc("Seconda stesura"), correctionNote: "Corretto un refuso" });
    expect(second.number).toBe(2);
    return Promise.all([listReportVersions(first.reportId), getPublishedReport(first.reportId, 1), getPublishedReport(first.reportId), findReport(subject)]).then(
      ([versions, v1, latest, report]) => {
        expect(versions.map((v) => v.number)).toEqual([2, 1]);
        expect(v1!.document.sections[0].blocks[0]).toEqual({ type: "text", markdown: "Prima stesura" });
        expect(latest!.number).toBe(2);
        expect(latest!.correctionNote).toBe("Corretto un refuso");
        expect(report!.introduction).toBe("Intro");
        expect(auditOf("report", first.reportId).map((a) => a.action)).toEqual(expect.arrayContaining(["report.published", "report.corrected", "report.texts_saved"]));
      },
    );
  });

  it("renders Markdown to sanitized HTML only for display", () => {
    const shown = withRenderedHtml(doc("**Forte** <script>alert(1)</script>"));
    const block = shown.sections[0].blocks[0];
    expect(block.type === "text" && block.html).toContain("<strong>Forte</strong>");
    expect(block.type === "text" && block.html).not.toContain("<script");
  });

  it("a redaction of personal data reaches the published versions where they quote the item, and only there", () => {
    const author = insertUser("Autrice");
    const passage = "333 1234567";
    const contributionId = insertContribution({ authorId: author.id, body: `Chiamate Mario Rossi al ${passage} per info.` });
    const otherId = insertContribution({ authorId: author.id, body: `Un altro contributo cita lo stesso ${passage}.` });
    const quoting = (id: number, text: string): ReportDocument => ({
      ...doc("Introduzione"),
      sections: [{ id: "s-a", title: "A", blocks: [{ type: "item", ref: { kind: "contribution", id }, heading: "Contributo", facts: [], markdown: text }] }],
      data: [],
    });
    const subject = (label: string) => ({ kind: "participation" as const, draftVersionId: insertVersionInConsultation({ label, strategyCode: "STTM2", sections: SECTIONS_V01 }).versionId });
    const quotes = publishReportVersion({ actorId: staff.id, subject: subject("v0.9"), document: quoting(contributionId, `Chiamate Mario Rossi al ${passage} per info.`) });
    // Same words, but in another item and in a text of staff's own: neither is the redacted item.
    const unrelated = publishReportVersion({
      actorId: staff.id,
      subject: subject("v0.10"),
      document: { ...quoting(otherId, `Un altro contributo cita lo stesso ${passage}.`), sections: [...quoting(otherId, `Un altro contributo cita lo stesso ${passage}.`).sections, { id: "s-b", title: "B", blocks: [{ type: "text", markdown: `Nota: ${passage}` }] }] },
    });
    const stored = (id: number) => db.select().from(reportVersions).where(eq(reportVersions.id, id)).get()!.document;
    const unrelatedBefore = stored(unrelated.versionId);

    redactPassage({ actorId: staff.id, item: { kind: "contribution", id: contributionId }, passage });

    expect(stored(quotes.versionId)).not.toContain(passage);
    expect(stored(quotes.versionId)).toContain(REDACTION_PLACEHOLDER);
    expect(stored(unrelated.versionId)).toBe(unrelatedBefore);
  });
});
