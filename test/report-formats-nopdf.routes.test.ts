// Without a Chromium (here: CONCERTA_PDF_DISABLED=1) a report PDF is a 503 with an Italian message
// pointing to DOCX and Markdown — never a 500 — and the other formats still work.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CONCERTA_PDF_DISABLED = "1";
});

import { publishReportVersion } from "~/domain/reports/reports.server";
import { sampleDocument } from "~/domain/reports/fixtures/sample-document";
import * as files from "~/routes/rapporti.$reportId.$file";
import { seedReference } from "./db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof files.loader>[0];
let reportId: number;
let staffCookie: string;

beforeAll(async () => {
  seedReference();
  const staff = insertUser("Redattore", "staff");
  staffCookie = await sessionCookieFor(staff.id);
  const { versionId } = insertVersionInConsultation({ label: "v0.3", sections: SECTIONS_V01 });
  reportId = publishReportVersion({ actorId: staff.id, subject: { kind: "participation", draftVersionId: versionId }, document: sampleDocument() }).reportId;
});

const get = (name: string, cookie?: string) =>
  outcome(() => files.loader({ request: getRequest(`/rapporti/${reportId}/${name}`, cookie), params: { reportId: String(reportId), file: name }, context: {} } as unknown as Args));

describe("report PDF without Chromium", () => {
  it("answers 503 with a message suggesting DOCX or Markdown, for published versions and drafts", async () => {
    for (const [name, cookie] of [["1.pdf", undefined], ["bozza.pdf", staffCookie]] as const) {
      const res = await get(name, cookie);
      expect(res.status, name).toBe(503);
      const response = res.body as Response;
      expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("Retry-After")).toBeTruthy();
      expect(await response.text()).toMatch(/PDF non può essere generato.*Word \(DOCX\) o Markdown/);
    }
    expect((await get("1.docx")).status).toBe(200);
    expect((await get("1.md")).status).toBe(200);
  });
});
