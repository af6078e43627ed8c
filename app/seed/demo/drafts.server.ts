import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { draftVersions } from "~db/schema";
import { findUserByEmail } from "~/domain/accounts/users.server";
import { parseMarkdownDocument } from "~/domain/drafts/import-markdown";
import { publishVersion } from "~/domain/drafts/lifecycle.server";
import { updateSection } from "~/domain/drafts/sections.server";
import { importVersion, versionSections } from "~/domain/drafts/versions.server";

// Demo drafts, created once (when the STTM has no version with the demo label yet; staff edits are
// never overwritten): STTM 1's "v0.1 – progetto preliminare" in consultation for 90 days from now,
// from the Markdown fixture the tests use too, and a bozza of STTM 2 that only staff see.

export const DEMO_STTM1_LABEL = "v0.1 – progetto preliminare";
export const DEMO_STTM2_LABEL = "v0.1 – bozza di lavoro";

const STTM2_DRAFT = `# 1 Quadro analitico-conoscitivo

I servizi di rilevanza sovracomunale — scuole superiori, ospedali, grandi impianti sportivi, poli culturali — sono distribuiti in modo diseguale tra le zone omogenee. Il quadro conoscitivo ne ricostruisce l'accessibilità con il trasporto pubblico.

# 2 Quadro strategico

## 2.1 La città dei 15 minuti su scala metropolitana

Ogni comune dovrebbe raggiungere i servizi di base in 15 minuti a piedi o in bicicletta, e i servizi sovracomunali in 30 minuti con il trasporto pubblico.

## 2.2 I Luoghi Urbani per la Mobilità

Nei LUM, le aree di 200–500 metri attorno a stazioni e fermate, si concentrano le funzioni compatibili con l'interscambio: servizi alla persona, uffici pubblici, spazi di lavoro condivisi.
`;

/** Links given to the demo's STTM 1 sections: work targets and PTM objectives. */
const STTM1_LINKS: Record<string, { targets: string[]; objectives: string[] }> = {
  "1.1": { targets: ["STTM1.1"], objectives: ["Ob6", "Ob7"] },
  "2.1": { targets: ["STTM1.1"], objectives: ["Ob7"] },
  "2.1.1": { targets: ["STTM1.1"], objectives: ["Ob6"] },
  "2.2": { targets: ["STTM1.2"], objectives: ["Ob4", "Ob5"] },
  "2.3": { targets: ["STTM1.3"], objectives: ["Ob1", "Ob2", "Ob8"] },
  "3.1": { targets: ["STTM1.1", "STTM1.2"], objectives: ["Ob10"] },
};

function exists(strategyCode: string, label: string) {
  return !!db
    .select({ id: draftVersions.id })
    .from(draftVersions)
    .where(and(eq(draftVersions.strategyCode, strategyCode), eq(draftVersions.label, label)))
    .get();
}

export async function seedDemoDrafts(now = new Date()) {
  const staff = await findUserByEmail("staff@concerta.example");
  if (!staff) return;
  const versionDate = now.toISOString().slice(0, 10);

  if (!exists("STTM1", DEMO_STTM1_LABEL)) {
    const markdown = fs.readFileSync(path.resolve(process.cwd(), "app/domain/drafts/fixtures/sttm1-v0.1.md"), "utf8");
    const id = importVersion({
      strategyCode: "STTM1",
      label: DEMO_STTM1_LABEL,
      versionDate,
      notes: "Prima versione del documento, messa a disposizione di Comuni, enti e cittadini per la consultazione.",
      sections: parseMarkdownDocument(markdown).sections,
      actorId: staff.id,
    });
    for (const s of versionSections(id)) {
      const links = STTM1_LINKS[s.number];
      if (links) updateSection(s.id, { ...s, targetCodes: links.targets, objectiveCodes: links.objectives }, staff.id);
    }
    // Another STTM 1 version already in consultation (staff did it by hand): leave the demo one a bozza.
    const busy = db
      .select({ id: draftVersions.id })
      .from(draftVersions)
      .where(and(eq(draftVersions.strategyCode, "STTM1"), eq(draftVersions.status, "in_consultazione")))
      .get();
    if (!busy) publishVersion(id, { from: now, until: new Date(now.getTime() + 90 * 86_400_000) }, staff.id, now);
  }

  if (!exists("STTM2", DEMO_STTM2_LABEL)) {
    importVersion({
      strategyCode: "STTM2",
      label: DEMO_STTM2_LABEL,
      versionDate,
      notes: "Bozza interna, non ancora pubblicata.",
      sections: parseMarkdownDocument(STTM2_DRAFT).sections,
      actorId: staff.id,
    });
  }
}
