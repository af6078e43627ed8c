import { describe, expect, it } from "vitest";
import { compareSections, wordDiff, type SectionSnapshot } from "./compare";
import { matchSections, normaliseTitle } from "./match-sections";

const s = (sectionId: number, number: string, title: string, body = "", depth = number.split(".").length): SectionSnapshot => ({
  sectionId,
  number,
  title,
  body,
  depth,
});

describe("compareSections", () => {
  const a = [s(1, "1", "Uno", "testo uno"), s(2, "1.1", "Uno punto uno"), s(3, "1.2", "Da togliere"), s(4, "2", "Due", "la strategia propone di diffonderle"), s(5, "2.1", "Da spostare")];
  const b = [s(1, "1", "Uno", "testo uno"), s(2, "1.1", "Uno punto uno"), s(6, "1.2", "Nuova"), s(4, "2", "Due", "la strategia chiede di adottarle"), s(7, "3", "Tre"), s(5, "3.1", "Da spostare")];

  it("reports added, removed, moved and changed by identity", () => {
    const c = compareSections(a, b);
    expect(c.added).toEqual([6, 7]);
    expect(c.removed).toEqual([3]);
    expect(c.moved).toEqual([5]);
    expect(c.changed).toEqual([4]);
    const moved = c.sections.find((e) => e.sectionId === 5)!;
    expect([moved.parentA, moved.parentB]).toEqual(["2", "3"]);
  });

  it("keeps B's order and puts a removed section where it was", () => {
    expect(compareSections(a, b).sections.map((e) => e.sectionId)).toEqual([1, 2, 3, 6, 4, 7, 5]);
  });

  it("does not call 'moved' the sections that only shift because another one was inserted", () => {
    const c = compareSections([s(1, "1", "A"), s(2, "2", "B")], [s(3, "0", "Nuova"), s(1, "1", "A"), s(2, "2", "B")]);
    expect(c.moved).toEqual([]);
    expect(c.added).toEqual([3]);
  });

  it("sees two swapped siblings as a move", () => {
    const c = compareSections([s(1, "1", "A"), s(2, "1.1", "B"), s(3, "1.2", "C")], [s(1, "1", "A"), s(3, "1.2", "C"), s(2, "1.1", "B")]);
    expect(c.moved.length).toBe(1);
  });

  it("gives a word-level diff of changed text", () => {
    expect(wordDiff("la strategia propone di diffonderle", "la strategia chiede di adottarle")).toEqual([
      { kind: "same", text: "la strategia " },
      { kind: "removed", text: "propone" },
      { kind: "added", text: "chiede" },
      { kind: "same", text: " di " },
      { kind: "removed", text: "diffonderle" },
      { kind: "added", text: "adottarle" },
    ]);
  });
});

describe("matchSections", () => {
  it("matches by number and title, then by title alone, then by number alone", () => {
    const previous = [
      { number: "1", title: "Quadro conoscitivo" },
      { number: "1.2", title: "Aree dismesse" },
      { number: "2.4", title: "Indicatori di monitoraggio" },
      { number: "3.1", title: "Fondo perequativo" },
    ];
    const next = [
      { number: "1", title: "Quadro  Conoscitivo" },
      { number: "3.1", title: "Accesso al fondo perequativo" },
      { number: "3.2", title: "Premialità" },
      { number: "3.3", title: "Indicatori di monitoraggio" },
    ];
    expect(matchSections(previous, next)).toEqual([0, 3, null, 2]);
  });

  it("does not match by title when the title is not unique", () => {
    expect(matchSections([{ number: "1", title: "Obiettivi" }, { number: "2", title: "Obiettivi" }], [{ number: "5", title: "Obiettivi" }])).toEqual([null]);
  });

  it("normalises case, accents and punctuation", () => {
    expect(normaliseTitle("Città  dei 15 minuti — scala METROPOLITANA")).toBe("citta dei 15 minuti scala metropolitana");
  });
});
