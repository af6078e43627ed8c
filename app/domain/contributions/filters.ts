// The filters of the public contributions page (/contributi) and of its map endpoint
// (/contributi/mappa.json), read from and written to the URL. Pure: no database, no browser API.
// Anything invalid in the URL is dropped (never a 500): a hand-edited or stale link still opens
// the page, with the filters that make sense.
import { z } from "zod";
import { CONTRIBUTION_KINDS } from "~db/schema/enums";
import { AUTHOR_KINDS, FILTER_KEYS, MAX_PAGE, MAX_QUERY_LENGTH, OUTCOME_FILTERS, SORTS, type Filters, type SelectionFilters } from "./filter-values";

export {
  AUTHOR_KINDS,
  FILTER_KEYS,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  OUTCOME_FILTERS,
  PAGE_SIZE,
  SORTS,
  type AuthorKind,
  type Filters,
  type OutcomeFilter,
  type SelectionFilters,
  type Sort,
} from "./filter-values";

function isCalendarDate(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// Each field on its own: an invalid value becomes undefined (`.catch`) without failing the others.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const code = (pattern: RegExp) => optional(z.string().trim().toUpperCase().regex(pattern));

const filtersSchema = z.object({
  q: optional(
    z
      .string()
      .transform((s) => s.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH))
      .refine((s) => s.length > 0),
  ),
  sttm: code(/^STTM\d{1,2}$/),
  target: code(/^STTM\d{1,2}\.\d{1,2}$/),
  kind: optional(z.enum(CONTRIBUTION_KINDS)),
  zone: optional(z.string().trim().regex(/^[a-z0-9-]{1,40}$/)),
  comune: optional(z.string().trim().regex(/^\d{6}$/)),
  orgKind: optional(z.enum(AUTHOR_KINDS)),
  outcome: optional(z.enum(OUTCOME_FILTERS)),
  from: optional(z.string().trim().refine(isCalendarDate)),
  to: optional(z.string().trim().refine(isCalendarDate)),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  sort: z.enum(SORTS).catch("newest"),
});

/** The filters in a URL's search parameters; the first value of a repeated parameter counts, empty ones are ignored. */
export function parseFilters(params: URLSearchParams): Filters {
  const raw: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, "page", "sort"]) {
    const value = params.get(key);
    if (value != null && value.trim() !== "") raw[key] = value;
  }
  const parsed = filtersSchema.parse(raw);
  const out: Filters = { page: parsed.page, sort: parsed.sort };
  for (const key of FILTER_KEYS) {
    const value = parsed[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  // A target belongs to one STTM: when both are given and disagree, nothing can match; keep the
  // target (the more precise choice) and drop the STTM it contradicts.
  if (out.target && out.sttm && !out.target.startsWith(`${out.sttm}.`)) delete out.sttm;
  return out;
}

/**
 * The URL parameters of the filters (default page and sort left out, so a plain list is a plain
 * URL). `parseFilters(filtersToSearchParams(f))` gives `f` back.
 */
export function filtersToSearchParams(filters: Partial<Filters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (filters.sort && filters.sort !== "newest") params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** Only the selecting filters (no page, no sort): the key of the map's cluster cache, the query of its endpoint. */
export function selectionOf(filters: Partial<Filters>): SelectionFilters {
  const out: SelectionFilters = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** True when at least one selecting filter is set. */
export function hasSelection(filters: Partial<Filters>): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}
