// THE SEAM FOR OUTCOMES. Staff's reasoned answer to a contribution (esito + controdeduzione, tied to
// draft sections) belongs to the moderation capability, which does not exist yet (its tables are
// in db/schema/moderation.ts, but nothing writes them). Until it comes, every contribution is
// "senza esito":
//   - `outcomeOf` returns null (the contribution page shows no outcome block);
//   - `outcomeCondition("with")` matches nothing, `outcomeCondition("without")` everything.
// The moderation capability fills these two functions (reading its own table) and nothing else in
// the browsing code changes. No invented data: nothing here pretends an outcome was given.
import { sql, type SQL } from "drizzle-orm";
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

/** The outcome given to a contribution, or null while none has been given (always, until moderation adds outcomes). */
export async function outcomeOf(_contributionId: number): Promise<ContributionOutcome | null> {
  return null;
}

/**
 * The SQL condition on `contributions` for the outcome filter of the list and the map.
 * Until outcomes exist, no contribution has one.
 */
export function outcomeCondition(filter: OutcomeFilter): SQL {
  return filter === "with" ? sql`0` : sql`1`;
}
