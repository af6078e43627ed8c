import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftsAllTerms, ftsAnyTerms, ftsQuery, italianStem, searchTokens } from "./search";

// A real FTS5 table with the tokenizer of db/migrations/0005_contributions_fulltext.sql.
let sqlite: Database.Database;
const rows = [
  [1, "Più mobilità sostenibile a Rho", "Servono corse serali e una stazione accessibile."],
  [2, "Una pista ciclabile tra Pero e Rho", "Collegare i parchi lungo l'Olona."],
  [3, "Verde nei cortili delle scuole", "Depavimentare velocemente i cortili."],
  [4, "Fermate della linea M4", "Le stazioni sono lontane dai quartieri."],
] as const;

beforeAll(() => {
  sqlite = new Database(":memory:");
  sqlite.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')");
  const insert = sqlite.prepare("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)");
  for (const r of rows) insert.run(...r);
});
afterAll(() => sqlite.close());

function match(expr: string | null): number[] {
  if (expr === null) return [];
  return (sqlite.prepare("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid").all(expr) as { rowid: number }[]).map((r) => r.rowid);
}

describe("searchTokens and italianStem", () => {
  it("lowercases, strips diacritics and function words", () => {
    expect(searchTokens("La Mobilità della CITTÀ")).toEqual(["mobilita", "citta"]);
  });
  it("stems common Italian endings", () => {
    expect(italianStem("ciclabili")).toBe("ciclabil");
    expect(italianStem("ciclabile")).toBe("ciclabil");
    expect(italianStem("stazioni")).toBe("stazion");
    expect(italianStem("stazione")).toBe("stazion");
    expect(italianStem("parchi")).toBe("parc");
    expect(italianStem("parco")).toBe("parc");
    expect(italianStem("velocemente")).toBe("veloc");
    expect(italianStem("aree")).toBe("aree"); // four letters or fewer: left whole
    expect(italianStem("m4")).toBe("m4");
  });
});

describe("ftsAllTerms / ftsAnyTerms against a real FTS5 table", () => {
  it('"mobilita" finds "mobilità"', () => {
    expect(match(ftsAllTerms("mobilita"))).toEqual([1]);
    expect(match(ftsAllTerms("Mobilità"))).toEqual([1]);
  });
  it('"ciclabili" finds "pista ciclabile"', () => {
    expect(match(ftsAllTerms("ciclabili"))).toEqual([2]);
    expect(match(ftsAllTerms("piste ciclabili"))).toEqual([2]);
  });
  it("matches other word forms", () => {
    expect(match(ftsAllTerms("parco"))).toEqual([2]);
    expect(match(ftsAllTerms("stazione"))).toEqual([1, 4]);
    expect(match(ftsAllTerms("linea m4"))).toEqual([4]);
  });
  it("AND needs every word, OR any", () => {
    expect(match(ftsAllTerms("ciclabile mobilità"))).toEqual([]);
    expect(match(ftsAnyTerms("ciclabile mobilità"))).toEqual([1, 2]);
    expect(ftsQuery("rho")).toBe(ftsAllTerms("rho"));
  });
  it("returns null when nothing searchable is left", () => {
    expect(ftsAllTerms("")).toBeNull();
    expect(ftsAnyTerms("  della , e ! ")).toBeNull();
    expect(ftsAllTerms('"*()')).toBeNull();
  });
  it("never throws on FTS syntax typed by people", () => {
    const nasty = [
      "a OR b",
      "rho AND NOT pero",
      '"unterminated',
      'title:"x"',
      "NEAR(rho pero, 2)",
      "NEAR(",
      "*",
      "rho*",
      "^rho",
      "-rho +pero",
      "(((",
      "body: DROP TABLE docs; --",
      "{title body}: rho",
      "'; SELECT 1; --",
      "\u0000\u200b😀 città",
      "x".repeat(5000),
      Array.from({ length: 200 }, (_, i) => `parola${i}`).join(" "),
    ];
    for (const input of nasty) {
      expect(() => match(ftsAllTerms(input)), input).not.toThrow();
      expect(() => match(ftsAnyTerms(input)), input).not.toThrow();
    }
    expect(match(ftsAllTerms("NEAR(rho pero, 2)"))).toEqual([]); // "near" is a word here, not an operator
    expect(match(ftsAnyTerms("rho OR pero"))).toEqual([1, 2]);
  });
  it("bounds the number of terms", () => {
    const expr = ftsAnyTerms(Array.from({ length: 50 }, (_, i) => `parola${i}`).join(" "))!;
    expect(expr.split(" OR ")).toHaveLength(12);
  });
});
