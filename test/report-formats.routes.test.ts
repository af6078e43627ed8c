// The report print view and files, called as the server would: who may see what (the draft is for
// staff only), public published versions, names that are not files, cache headers, the PDF.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser } from "~/domain/reports/pdf.server";
import { publishReportVersion } from "~/domain/reports/reports.server";
import { sampleDocument } from "~/domain/reports/fixtures/sample-document";
import * as files from "~/routes/rapporti.$reportId.$file";
import * as print from "~/routes/rapporti.$reportId.$version.stampa";
import { seedReference } from "./db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof files.loader>[0];
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as unknown as Args;

let reportId: number;
let staffCookie: string;
let participantCookie: string;

beforeAll(async () => {
  seedReference();
  const staff = insertUser("Redattrice", "staff");
  const participant = insertUser("Partecipante");
  staffCookie = await sessionCookieFor(staff.id);
  participantCookie = await sessionCookieFor(participant.id);
  const { versionId } = insertVersionInConsultation({ label: "v0.2", sections: SECTIONS_V01 });
  const subject = { kind: "participation" as const, draftVersionId: versionId };
  reportId = publishReportVersion({ actorId: staff.id, subject, document: sampleDocument(), now: new Date("2027-04-03T10:00:00Z") }).reportId;
  publishReportVersion({ actorId: staff.id, subject, document: sampleDocument({ itemsPerSection: 2 }), correctionNote: "Corretto un refuso", now: new Date("2027-04-05T10:00:00Z") });
});

afterAll(() => closePdfBrowser());

const file = (name: string, cookie?: string, query = "", headers: Record<string, string> = {}) => {
  const request = getRequest(`/rapporti/${reportId}/${name}${query}`, cookie);
  for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
  return outcome(() => files.loader(args(request, { reportId: String(reportId), file: name })));
};
const printView = (version: string, cookie?: string) =>
  outcome(() => print.loader(args(getRequest(`/rapporti/${reportId}/${version}/stampa`, cookie), { reportId: String(reportId), version })));

describe("who may download what", () => {
  it("the draft's files and print view: anonymous → log in, participant → 403, staff → 200, never cached", async () => {
    for (const name of ["bozza.md", "bozza.docx", "bozza.csv", "bozza.geojson", "bozza.pdf"]) {
      const anonymous = await file(name);
      expect(anonymous.status, name).toBe(302);
      expect(anonymous.location).toBe(`/accedi?redirectTo=${encodeURIComponent(`/rapporti/${reportId}/${name}`)}`);
      expect((await file(name, participantCookie)).status, name).toBe(403);
    }
    expect((await printView("bozza")).status).toBe(302);
    expect((await printView("bozza", participantCookie)).status).toBe(403);
    for (const name of ["bozza.md", "bozza.docx", "bozza.csv", "bozza.geojson", "bozza.pdf"]) {
      const staff = await file(name, staffCookie);
      expect(staff.status, name).toBe(200);
      expect((staff.body as Response).headers.get("Cache-Control")).toBe("private, no-store");
      expect((staff.body as Response).headers.get("Content-Disposition")).toMatch(/^attachment; filename="rapporto-sulla-partecipazione-[a-z0-9-]+-bozza-\d{4}-\d{2}-\d{2}\.(md|docx|csv|geojson|pdf)"$/);
    }
    const draftPrint = await printView("bozza", staffCookie);
    expect(draftPrint.status).toBe(200);
    const html = await (draftPrint.body as Response).text();
    expect(html).toContain("Bozza generata ora dai dati");
    expect(html).toContain("v0.2"); // built from the real version, not the published sample
  });

  it("a published version's files and print view are public, with the version in the file name", async () => {
    const expected: Record<string, string> = {
      "1.md": "text/markdown; charset=utf-8",
      "1.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "1.csv": "text/csv; charset=utf-8",
      "1.geojson": "application/geo+json; charset=utf-8",
    };
    for (const [name, type] of Object.entries(expected)) {
      const res = await file(name);
      expect(res.status, name).toBe(200);
      const response = res.body as Response;
      expect(response.headers.get("Content-Type")).toBe(type);
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="rapporto-sulla-partecipazione-e-controdeduzioni-sttm1-v1.${name.split(".")[1]}"`);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=3600");
      expect(response.headers.get("ETag")).toMatch(/^"[\w-]+"$/);
    }
    const printed = await printView("2");
    expect(printed.status).toBe(200);
    const html = await (printed.body as Response).text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="it">/);
    expect(html).toContain("Versione 2, pubblicata il 5 aprile 2027");
    expect(html).toContain("Correzione: Corretto un refuso");
    expect(html).not.toContain("<script");
    expect(html).toContain("<svg"); // the map, drawn on the server
  });

  it("a published file answers 304 to its own ETag", async () => {
    const first = (await file("1.md")).body as Response;
    const again = await file("1.md", undefined, "", { "If-None-Match": first.headers.get("ETag")! });
    expect(again.status).toBe(304);
  });

  it("the CSV comes with , or with ; (?sep=;), accents intact", async () => {
    for (const [query, sep] of [["", ","], ["?sep=%3B", ";"]] as const) {
      const res = (await file("1.csv", undefined, query)).body as Response;
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()); // keeps the BOM
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(text, { bom: true, delimiter: sep, columns: true }) as Record<string, string>[];
      expect(rows[0].titolo).toContain("Più verde e ciclabilità");
      expect(rows[0].url).toMatch(/^https?:\/\/[^/]+\/contributi\/1$/);
    }
    expect(((await file("1.csv", undefined, "?sep=%3B")).body as Response).headers.get("Content-Disposition")).toContain("-puntoevirgola.csv");
  });
});

describe("names that are not files", () => {
  it("answer 404 with an Italian message, never 500", async () => {
    for (const name of ["1.pdfx", "1.exe", "0.pdf", "01.pdf", "abc", "1", "bozza", "bozza.html", "1.PDF", "-1.md", "1.md.md", "9999999.pdf"]) {
      const res = await file(name, staffCookie);
      expect(res.status, name).toBe(404);
      if (name !== "9999999.pdf") expect(await (res.body as Response).text(), name).toMatch(/^File non trovato: i formati disponibili sono pdf, md, docx, csv e geojson/);
    }
    expect(await ((await file("9.pdf")).body as Response).text()).toBe("Versione del rapporto non trovata.");
    const unknown = await outcome(() => files.loader(args(getRequest("/rapporti/999/1.pdf"), { reportId: "999", file: "1.pdf" })));
    expect(unknown.status).toBe(404);
    expect(await (unknown.body as Response).text()).toBe("Rapporto non trovato.");
    const badId = await outcome(() => files.loader(args(getRequest("/rapporti/x/1.pdf"), { reportId: "x", file: "1.pdf" })));
    expect(badId.status).toBe(404);
    expect((await printView("bozzetta")).status).toBe(404);
    expect((await printView("3")).status).toBe(404);
  });
});

describe("PDF", () => {
  it("a published version's PDF is printed once, then served from the cache with the same ETag", async () => {
    const first = await file("2.pdf");
    expect(first.status).toBe(200);
    const response = first.body as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const t0 = performance.now();
    const again = (await file("2.pdf")).body as Response;
    expect(performance.now() - t0).toBeLessThan(1_000); // from disk
    expect(again.headers.get("ETag")).toBe(response.headers.get("ETag"));
    expect((await file("2.pdf", undefined, "", { "If-None-Match": response.headers.get("ETag")! })).status).toBe(304);
  });
});
