import { diffWords } from "diff";

/**
 * Compares two versions of an STTM section by section (pure). Sections are matched by their stable
 * identity (sectionId), never by number or title:
 * - added: only in B; removed: only in A;
 * - moved: its parent changed, its number changed, or its order among the sections both versions
 *   share changed (it is not in their longest common order — so one insertion does not "move"
 *   everything after it);
 * - changed: title or body differs; the word-level diff (jsdiff's diffWords) is given for each.
 */
export type SectionSnapshot = { sectionId: number; number: string; title: string; body: string; depth: number };

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type SectionComparison = {
  sectionId: number;
  a: SectionSnapshot | null;
  b: SectionSnapshot | null;
  added: boolean;
  removed: boolean;
  moved: boolean;
  changed: boolean;
  /** Parents' numbers when the section changed parent (for "from under 2 to under 3"). */
  parentA: string | null;
  parentB: string | null;
  titleDiff: DiffPart[] | null;
  bodyDiff: DiffPart[] | null;
};

export type Comparison = {
  /** B's order, with each removed section placed after its predecessor in A. */
  sections: SectionComparison[];
  added: number[];
  removed: number[];
  moved: number[];
  changed: number[];
};

export function wordDiff(a: string, b: string): DiffPart[] {
  return diffWords(a, b).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

function parents(sections: SectionSnapshot[]): Map<number, SectionSnapshot | null> {
  const stack: SectionSnapshot[] = [];
  const out = new Map<number, SectionSnapshot | null>();
  for (const s of sections) {
    while (stack.length && stack[stack.length - 1].depth >= s.depth) stack.pop();
    out.set(s.sectionId, stack[stack.length - 1] ?? null);
    stack.push(s);
  }
  return out;
}

/** The ids of a longest common subsequence of two id sequences. */
function longestCommonOrder(a: number[], b: number[]): Set<number> {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const keep = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      keep.add(a[i]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return keep;
}

export function compareSections(a: SectionSnapshot[], b: SectionSnapshot[]): Comparison {
  const inA = new Map(a.map((s) => [s.sectionId, s]));
  const inB = new Map(b.map((s) => [s.sectionId, s]));
  const parentsA = parents(a);
  const parentsB = parents(b);
  const common = (list: SectionSnapshot[], other: Map<number, SectionSnapshot>) => list.filter((s) => other.has(s.sectionId)).map((s) => s.sectionId);
  const inOrder = longestCommonOrder(common(a, inB), common(b, inA));

  const entry = (id: number): SectionComparison => {
    const sa = inA.get(id) ?? null;
    const sb = inB.get(id) ?? null;
    const base = { sectionId: id, a: sa, b: sb, parentA: null, parentB: null, titleDiff: null, bodyDiff: null };
    if (!sa) return { ...base, added: true, removed: false, moved: false, changed: false };
    if (!sb) return { ...base, added: false, removed: true, moved: false, changed: false };
    const pa = parentsA.get(id) ?? null;
    const pb = parentsB.get(id) ?? null;
    const parentChanged = (pa?.sectionId ?? null) !== (pb?.sectionId ?? null);
    const moved = parentChanged || sa.number !== sb.number || !inOrder.has(id);
    const titleChanged = sa.title !== sb.title;
    const bodyChanged = sa.body !== sb.body;
    return {
      ...base,
      added: false,
      removed: false,
      moved,
      changed: titleChanged || bodyChanged,
      parentA: parentChanged ? (pa?.number ?? null) : null,
      parentB: parentChanged ? (pb?.number ?? null) : null,
      titleDiff: titleChanged ? wordDiff(sa.title, sb.title) : null,
      bodyDiff: bodyChanged ? wordDiff(sa.body, sb.body) : null,
    };
  };

  const sections = b.map((s) => entry(s.sectionId));
  // Removed sections go after the closest preceding section of A that is still shown.
  a.forEach((s, i) => {
    if (inB.has(s.sectionId)) return;
    let at = 0;
    for (let k = i - 1; k >= 0; k--) {
      const idx = sections.findIndex((e) => e.sectionId === a[k].sectionId);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    sections.splice(at, 0, entry(s.sectionId));
  });

  const ids = (pick: (e: SectionComparison) => boolean) => sections.filter(pick).map((e) => e.sectionId);
  return { sections, added: ids((e) => e.added), removed: ids((e) => e.removed), moved: ids((e) => e.moved), changed: ids((e) => e.changed) };
}
