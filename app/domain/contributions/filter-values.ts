// The values and shapes of the contributions filters, without the parsing (filters.ts): safe to
// import from browser code (the filter form's choices) without bringing zod along.
import { CONTRIBUTION_KINDS, ORGANIZATION_KINDS, OUTCOMES } from "~db/schema/enums";

export const PAGE_SIZE = 25;
/**
 * Offset pagination stops here (10,000 contributions deep): a deeper page costs a longer index
 * walk, and nobody reads page 401 — the filters narrow the list instead.
 */
export const MAX_PAGE = 400;
export const MAX_QUERY_LENGTH = 200;

export const SORTS = ["newest", "supported"] as const;
export type Sort = (typeof SORTS)[number];

/** "with": an outcome was given; "without": not yet; or one outcome value (accolto, …). */
export const OUTCOME_FILTERS = ["with", "without", ...OUTCOMES] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

/** Who made it: an organization of one kind, or a person in their own name ("person"). */
export const AUTHOR_KINDS = [...ORGANIZATION_KINDS, "person"] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export type Filters = {
  q?: string;
  sttm?: string;
  target?: string;
  kind?: (typeof CONTRIBUTION_KINDS)[number];
  zone?: string;
  comune?: string;
  orgKind?: AuthorKind;
  outcome?: OutcomeFilter;
  /** Published on or after this Rome calendar day (YYYY-MM-DD). */
  from?: string;
  /** Published on or before this Rome calendar day (YYYY-MM-DD). */
  to?: string;
  page: number;
  sort: Sort;
};

/** The filters that select contributions (everything but page and sort): what the list and the map share. */
export type SelectionFilters = Omit<Filters, "page" | "sort">;

/** The URL parameters, in the order they are written back. */
export const FILTER_KEYS = ["q", "sttm", "target", "kind", "zone", "comune", "orgKind", "outcome", "from", "to"] as const;
