// Turns what a person types into a safe FTS5 MATCH expression for contributions_fts
// (tokenizer `unicode61 remove_diacritics 2`, see db/migrations/0005_contributions_fulltext.sql).
// Pure and browser-safe: shared by the search page, the similar-contributions box and tests.
//
// The rules, kept deliberately simple:
// 1. Normalise: Unicode NFD, strip combining marks ("mobilità" → "mobilita"), lowercase.
// 2. Split on anything that is not a letter or a digit: every FTS5 syntax character
//    (quotes, parentheses, `*`, `^`, `:`, `+`, `-`, `NEAR(`) disappears here, so the input
//    can never produce a syntax error or reach a column filter.
// 3. Drop one-letter tokens and common Italian function words ("di", "della", "per"…).
// 4. Light Italian stemming (one pass, longest rule first), only on letter-only tokens:
//      -mente (adverbs)            velocemente → veloce → veloc
//      -zione/-zioni, -sione/-sioni → -zion/-sion   stazioni → stazion
//      -chi/-che/-ghi/-ghe         → -c/-g           parchi → parc (matches "parco")
//      a final vowel -a/-e/-i/-o when the token is longer than 4 letters
//                                   ciclabili → ciclabil (matches "ciclabile")
//    Tokens of 4 letters or fewer are left whole ("aree", "via").
// 5. Each stem becomes a quoted prefix query `"stem"*`; two-character tokens ("m4", "s5")
//    are matched exactly, since a two-letter prefix would match half the dictionary.
// 6. Joined with AND (`ftsAllTerms`: the search page) or OR (`ftsAnyTerms`: ranking similar
//    titles with bm25). At most MAX_TERMS terms, to bound the cost of a query.

const MAX_TERMS = 12;
const MAX_TOKEN_LENGTH = 40;

const STOPWORDS = new Set(
  (
    "il lo la i gli le un uno una di da in con su per tra fra del dello della dei degli delle " +
    "al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle " +
    "sul sullo sulla sui sugli sulle dell nell all dall sull un ed od che non ma se come anche piu " +
    "e o è sono ci si ne mi ti vi questo questa questi queste quello quella cui chi"
  ).split(" "),
);

/** Lowercased, diacritic-free word tokens of `text`, without function words (in input order, no duplicates). */
export function searchTokens(text: string): string[] {
  const normalised = text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  const seen = new Set<string>();
  for (const raw of normalised.split(/[^\p{L}\p{N}]+/u)) {
    const token = raw.slice(0, MAX_TOKEN_LENGTH);
    if (token.length < 2 || STOPWORDS.has(token) || seen.has(token)) continue;
    seen.add(token);
  }
  return [...seen];
}

/** A light Italian stem (see the rules at the top of this file). Expects a normalised token. */
export function italianStem(token: string): string {
  if (!/^\p{L}+$/u.test(token) || token.length <= 4) return token;
  let t = token;
  if (t.length > 7 && t.endsWith("mente")) t = t.slice(0, -"mente".length);
  const zione = /([zs]ion)[ei]$/.exec(t);
  if (zione) return t.slice(0, -1);
  if (/[cg]h[ei]$/.test(t)) return t.slice(0, -2);
  if (t.length > 4 && /[aeio]$/.test(t)) t = t.slice(0, -1);
  return t;
}

function terms(text: string): string[] {
  return searchTokens(text)
    .slice(0, MAX_TERMS)
    .map((token) => {
      const stem = italianStem(token);
      // Tokens hold only letters and digits, so quoting is belt and braces against FTS keywords.
      return stem.length <= 2 ? `"${stem}"` : `"${stem}"*`;
    });
}

/** Every word must match (prefix of its stem). `null` when nothing searchable is left. */
export function ftsAllTerms(text: string): string | null {
  const t = terms(text);
  return t.length ? t.join(" AND ") : null;
}

/** Any word may match; meant for ranking by bm25 (similar contributions). `null` when nothing searchable is left. */
export function ftsAnyTerms(text: string): string | null {
  const t = terms(text);
  return t.length ? t.join(" OR ") : null;
}

/** Kept for callers that want "the" query: every term must match. */
export const ftsQuery = ftsAllTerms;
