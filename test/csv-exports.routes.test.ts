// Every CSV the app writes goes through one RFC 4180 writer (app/lib/csv.server.ts): a text holding
// a lone line break, a carriage return, quotes, the separator or a formula-like start still parses
// back — with a parser other than the writer's — to exactly one row per item (issue 12, point 4).
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import * as datiCsv from "~/routes/dati.contributi[.]csv";
import * as auditCsv from "~/routes/gestione.registro[.]csv";
import * as comuniCsv from "~/routes/partecipazione.comuni[.]csv";
import * as zoneCsv from "~/routes/partecipazione.zone[.]csv";
import { insertContribution, ISTAT } from "./contributions";
import { seedReference } from "./db";
import { insertUser } from "./drafts-participation";
import { getRequest, sessionCookieFor } from "./requests";

type Loader = (args: never) => Promise<unknown>;
/** Read as GDAL, Python's csv and spreadsheets read: outside quotes, LF, CR and CRLF all end a record. */
const readCsv = (csv: string, delimiter = ",") => parse(csv, { bom: true, delimiter, columns: true, record_delimiter: ["\r\n", "\n", "\r"] }) as Record<string, string>[];
const run = async (loader: Loader, path: string, cookie?: string) => {
  const response = (await loader({ request: getRequest(path, cookie), params: {}, context: {} } as never)) as Response;
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return response.text();
};

// What people really type: a line break alone (a textarea sends CRLF, an import may send LF or CR),
// quotes, both separators, and starts a spreadsheet would take for a formula.
const TEXTS = [
  "Prima riga\nseconda riga senza virgole né virgolette",
  "Ritorno a capo\rdi un vecchio Mac",
  'Disse "basta" e se ne andò',
  "Punto e virgola; virgola, tutto insieme",
  "=HYPERLINK(\"http://example.org\")",
  "+39 02 1234 e poi\r\nuna riga nuova",
];

let admin: string;

beforeAll(async () => {
  seedReference();
  for (const [i, text] of TEXTS.entries()) insertContribution({ title: `Titolo ${i}\n${text}`, body: text, comuni: [ISTAT.rho] });
  const a = insertUser("Amministratrice", "admin");
  admin = await sessionCookieFor(a.id);
  db.transaction((tx) => {
    for (const text of TEXTS) recordAudit(tx, { actorId: a.id, action: "contribution.redacted", subjectType: "contribution", subjectId: 1, after: { reason: text } });
  });
});

describe("CSV exports parse back to their item count", () => {
  for (const sep of [",", ";"] as const) {
    it(`open data contributions (${sep})`, async () => {
      const csv = await run(datiCsv.loader, `/dati/contributi.csv${sep === ";" ? "?sep=;" : ""}`);
      const rows = readCsv(csv, sep);
      expect(rows).toHaveLength(TEXTS.length);
      // Texts come back whole (line breaks kept as written; formula starts behind an apostrophe).
      const bodies = rows.map((r) => r.testo).sort();
      const expected = TEXTS.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)).sort();
      expect(bodies).toEqual(expected);
    });
  }

  it("the audit log", async () => {
    const csv = await run(auditCsv.loader, "/gestione/registro.csv?azione=contribution.redacted", admin);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(TEXTS.length);
    expect(rows.map((r) => JSON.parse(r.after).reason).sort()).toEqual([...TEXTS].sort());
  });

  it("the dashboard's comuni and zones", async () => {
    expect(readCsv(await run(comuniCsv.loader, "/partecipazione/comuni.csv?sep=;"), ";")).toHaveLength(133);
    expect(readCsv(await run(zoneCsv.loader, "/partecipazione/zone.csv"))).toHaveLength(8);
  });
});
