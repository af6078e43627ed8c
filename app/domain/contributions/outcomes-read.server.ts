// THE SEAM FOR OUTCOMES. Staff's reasoned answer to a contribution (esito + controdeduzione, tied to
// draft sections) belongs to the moderation capability, which writes the `outcomes` and
// `section_links` tables (app/domain/moderation/outcomes.server.ts). These two functions read them:
//   - `outcomeOf` gives the contribution page its outcome block (null while none was given);
//   - `outcomeCondition` is the list's and the map's outcome filter (with / without / one value).
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { contributions, draftSectionTexts, draftVersions, outcomes, sectionLinks } from "~db/schema";
import type { Outcome } from "~db/schema/enums";
import type { OutcomeFilter } from "./filters";

export type ContributionOutcome = {
  /** accolto / parzialmente accolto / non accolto / non pertinente. */
  decision: Outcome;
  /** The controdeduzione, as Markdown (rendered by lib/markdown.server.ts). */
  reasoning: string;
  decidedAt: Date;
  /** The draft sections the outcome changed, for the link "dove è finito". */
  sections: { strategyCode: string; versionId: number; versionLabel: string; sectionId: number; number: string; title: string }[];
};

/** The outcome given to a contribution (its current revision), or null while none has been given. */
export async function outcomeOf(contributionId: number): Promise<ContributionOutcome | null> {
  const row = db
    .select({ outcome: outcomes.outcome, response: outcomes.response, decidedAt: outcomes.decidedAt })
    .from(outcomes)
    .where(and(eq(outcomes.itemKind, "contribution"), eq(outcomes.itemId, contributionId)))
    .get();
  if (!row) return null;
  // Only public versions: an internal draft (bozza) is not shown to the public.
  const sections = db
    .select({
      strategyCode: draftVersions.strategyCode,
      versionId: sectionLinks.versionId,
      versionLabel: draftVersions.label,
      sectionId: sectionLinks.sectionId,
      number: draftSectionTexts.number,
      title: draftSectionTexts.title,
    })
    .from(sectionLinks)
    .innerJoin(draftVersions, eq(draftVersions.id, sectionLinks.versionId))
    .innerJoin(draftSectionTexts, and(eq(draftSectionTexts.versionId, sectionLinks.versionId), eq(draftSectionTexts.sectionId, sectionLinks.sectionId)))
    .where(and(eq(sectionLinks.itemKind, "contribution"), eq(sectionLinks.itemId, contributionId), sql`${draftVersions.status} <> 'bozza'`))
    .orderBy(asc(draftVersions.id), asc(draftSectionTexts.position))
    .all();
  return { decision: row.outcome, reasoning: row.response, decidedAt: row.decidedAt, sections };
}

/** The SQL condition on `contributions` for the outcome filter of the list and the map. */
export function outcomeCondition(filter: OutcomeFilter): SQL {
  const given = sql`exists (select 1 from ${outcomes} o where o.item_kind = 'contribution' and o.item_id = ${contributions.id}`;
  if (filter === "with") return sql`${given})`;
  if (filter === "without") return sql`not ${given})`;
  return sql`${given} and o.outcome = ${filter})`;
}
