/**
 * Which section of the previous version an imported section *is* (pure). One-to-one, in three
 * passes (docs/decisions/0008-draft-section-identity.md):
 * 1. same number and same title (normalised): the section stayed where it was;
 * 2. same title, when no other section on either side has it: the section moved or was renumbered;
 * 3. same number: the section was retitled where it stands.
 * Anything left is a new section; previous sections left over were removed.
 */
export type Matchable = { number: string; title: string };

export function normaliseTitle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** For each of `next`, the index in `previous` of the same section, or null when it is new. */
export function matchSections(previous: Matchable[], next: Matchable[]): (number | null)[] {
  const result: (number | null)[] = next.map(() => null);
  const taken = new Set<number>();
  const prevTitles = previous.map((p) => normaliseTitle(p.title));
  const nextTitles = next.map((n) => normaliseTitle(n.title));

  const pass = (accept: (i: number, j: number) => boolean) => {
    next.forEach((_, i) => {
      if (result[i] !== null) return;
      const j = previous.findIndex((_, j) => !taken.has(j) && accept(i, j));
      if (j >= 0) {
        result[i] = j;
        taken.add(j);
      }
    });
  };

  pass((i, j) => next[i].number === previous[j].number && nextTitles[i] === prevTitles[j]);

  const count = (list: string[], value: string, skip: (k: number) => boolean) => list.filter((t, k) => t === value && !skip(k)).length;
  pass(
    (i, j) =>
      nextTitles[i] !== "" &&
      nextTitles[i] === prevTitles[j] &&
      count(prevTitles, prevTitles[j], (k) => taken.has(k)) === 1 &&
      count(nextTitles, nextTitles[i], (k) => result[k] !== null) === 1,
  );

  pass((i, j) => next[i].number !== "" && next[i].number === previous[j].number);
  return result;
}
