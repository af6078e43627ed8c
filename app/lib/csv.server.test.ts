import { parse } from "csv-parse/sync";
import { csvResponse, csvRows, csvSeparator, toCsv } from "./csv.server";

const tricky = "Città, Cassano d'Adda, perché «così»";
const multiline = 'Disse "basta"\nseconda riga; con punto e virgola';

describe("toCsv", () => {
  for (const separator of [",", ";"] as const) {
    it(`round-trips accented text, quotes and newlines with "${separator}"`, () => {
      const csv = toCsv(["id", "testo", "nota", "vuoto"], [[1, tricky, multiline, null], [2, "semplice", undefined, 0]], { separator });
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv).toContain("\r\n");
      const rows = parse(csv, { bom: true, delimiter: separator }) as string[][];
      expect(rows).toEqual([
        ["id", "testo", "nota", "vuoto"],
        ["1", tricky, multiline, ""],
        ["2", "semplice", "", "0"],
      ]);
    });
  }

  it("writes streamed batches the way it writes a whole file", () => {
    const rows = [[1, tricky], [2, multiline]];
    expect(csvRows(rows.slice(0, 1)) + csvRows(rows.slice(1))).toBe(csvRows(rows));
    expect(toCsv(["id", "testo"], rows, { separator: ";" })).toBe(toCsv(["id", "testo"], [], { separator: ";" }) + csvRows(rows, { separator: ";" }));
  });

  it("quotes a cell whose only special character is a lone line break (LF or CR)", () => {
    expect(toCsv(["a", "b"], [["riga uno\nriga due", "x"], ["vecchio\rMac", "y"]])).toBe('\uFEFFa,b\r\n"riga uno\nriga due",x\r\n"vecchio\rMac",y\r\n');
  });

  it("quotes only the cells that need it and escapes formulas", () => {
    const csv = toCsv(["a", "b"], [["semplice", "=SUM(A1)"]]);
    expect(csv).toBe("\uFEFFa,b\r\nsemplice,'=SUM(A1)\r\n");
  });
});

describe("csvSeparator", () => {
  it("reads ; in its three spellings and defaults to ,", () => {
    expect(csvSeparator(new URL("http://x/a.csv?sep=;"))).toBe(";");
    expect(csvSeparator(new URL("http://x/a.csv?sep=%3B"))).toBe(";");
    expect(csvSeparator(new URL("http://x/a.csv?sep=semicolon"))).toBe(";");
    expect(csvSeparator(new URL("http://x/a.csv"))).toBe(",");
    expect(csvSeparator(new URL("http://x/a.csv?sep=tab"))).toBe(",");
  });
});

describe("csvResponse", () => {
  it("is a UTF-8 CSV attachment", async () => {
    const res = csvResponse(toCsv(["a"], [["è"]]), "contributi.csv");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="contributi.csv"');
    expect(await res.text()).toContain("è");
  });
});
