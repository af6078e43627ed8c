// Calls the drafts routes' loaders and actions directly, as the server would.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "~/domain/accounts/users.server";
import { parseMarkdownDocument } from "~/domain/drafts/import-markdown";
import { publishVersion } from "~/domain/drafts/lifecycle.server";
import { updateSection } from "~/domain/drafts/sections.server";
import { createVersion, getVersion, importVersion, versionSections } from "~/domain/drafts/versions.server";
import { db } from "~/lib/db.server";
import { amendments, sectionComments } from "~db/schema";
import * as staffList from "~/routes/gestione.bozze._index";
import * as staffImport from "~/routes/gestione.bozze.importa";
import * as staffPreview from "~/routes/gestione.bozze.anteprima";
import * as staffVersionLayout from "~/routes/gestione.bozze.$versionId";
import * as staffVersion from "~/routes/gestione.bozze.$versionId._index";
import * as staffSection from "~/routes/gestione.bozze.$versionId.sezioni.$sectionTextId";
import * as publicList from "~/routes/strategie.$code_.bozze._index";
import * as reading from "~/routes/strategie.$code_.bozze.$versionId";
import * as compare from "~/routes/strategie.$code_.confronta";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof staffList.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args;
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../app/domain/drafts/fixtures", name));

let participantCookie: string;
let staffCookie: string;
let staffId: string;
let bozzaId: number;
let publicId: number;
let sectionTextId: number;

function multipart(pathname: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array | Buffer; type?: string }, cookie?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${pathname}`, { method: "POST", body: form, headers });
}

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante", email: "p@example.org", password: "password-partecipante" });
  staffId = await registerUser({ name: "Staff", email: "s@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staffId);
  const sections = parseMarkdownDocument(fixture("sttm1-v0.1.md").toString("utf8")).sections;
  publicId = importVersion({ strategyCode: "STTM1", label: "v0.1", versionDate: "2026-11-20", notes: "", sections, actorId: staffId });
  publishVersion(publicId, { from: new Date("2026-11-01T00:00:00Z"), until: new Date("2027-02-01T00:00:00Z") }, staffId, new Date("2026-11-01T08:00:00Z"));
  bozzaId = createVersion({ strategyCode: "STTM1", label: "v0.2 bozza", versionDate: "2026-11-25", notes: "", basedOnVersionId: publicId, actorId: staffId });
  sectionTextId = versionSections(bozzaId)[0].id;
});

describe("authorization on the staff drafts routes", () => {
  const staffOnly = () => [
    { name: "list loader", run: (c?: string) => staffList.loader(args(getRequest("/gestione/bozze", c))) },
    {
      name: "new version action",
      run: (c?: string) => staffList.action(args(formRequest("/gestione/bozze", { strategyCode: "STTM3", label: "x", versionDate: "2026-11-25" }, c))),
    },
    { name: "import loader", run: (c?: string) => staffImport.loader(args(getRequest("/gestione/bozze/importa", c))) },
    {
      name: "import action (save)",
      run: (c?: string) =>
        staffImport.action(args(formRequest("/gestione/bozze/importa", { strategyCode: "STTM3", label: "x", versionDate: "2026-11-25", markdown: "# 1 Uno" }, c))),
    },
    {
      name: "import action (upload)",
      run: (c?: string) =>
        staffImport.action(args(multipart("/gestione/bozze/importa", { strategyCode: "STTM3", versionDate: "2026-11-25" }, { name: "a.md", bytes: Buffer.from("# 1 Uno") }, c))),
    },
    { name: "preview action", run: (c?: string) => staffPreview.action(args(formRequest("/gestione/bozze/anteprima", { markdown: "**x**" }, c))) },
    { name: "version layout loader", run: (c?: string) => staffVersionLayout.loader(args(getRequest(`/gestione/bozze/${bozzaId}`, c), { versionId: String(bozzaId) })) },
    { name: "version loader", run: (c?: string) => staffVersion.loader(args(getRequest(`/gestione/bozze/${bozzaId}`, c), { versionId: String(bozzaId) })) },
    {
      name: "version action (publish)",
      run: (c?: string) =>
        staffVersion.action(
          args(formRequest(`/gestione/bozze/${bozzaId}`, { intent: "publish", commentsOpenFrom: "2027-01-01", commentsOpenUntil: "2027-03-01" }, c), {
            versionId: String(bozzaId),
          }),
        ),
    },
    {
      name: "version action (delete a section)",
      run: (c?: string) =>
        staffVersion.action(args(formRequest(`/gestione/bozze/${bozzaId}`, { intent: "delete", sectionTextId: String(sectionTextId) }, c), { versionId: String(bozzaId) })),
    },
    {
      name: "section loader",
      run: (c?: string) =>
        staffSection.loader(args(getRequest(`/gestione/bozze/${bozzaId}/sezioni/${sectionTextId}`, c), { versionId: String(bozzaId), sectionTextId: String(sectionTextId) })),
    },
    {
      name: "section action (save)",
      run: (c?: string) =>
        staffSection.action(
          args(formRequest(`/gestione/bozze/${bozzaId}/sezioni/${sectionTextId}`, { intent: "save", number: "1", title: "Hack", depth: "1", body: "" }, c), {
            versionId: String(bozzaId),
            sectionTextId: String(sectionTextId),
          }),
        ),
    },
  ];
  for (const route of staffOnly()) {
    it(`${route.name}: a participant gets 403`, async () => {
      expect((await outcome(() => route.run(participantCookie))).status).toBe(403);
    });
    it(`${route.name}: an anonymous user is sent to log in`, async () => {
      const result = await outcome(() => route.run());
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/accedi\?redirectTo=%2Fgestione%2Fbozze/);
    });
  }

  it("nothing was changed by the refused requests", () => {
    expect(getVersion(bozzaId)?.status).toBe("bozza");
    expect(versionSections(bozzaId)[0].title).toBe("Quadro analitico-conoscitivo");
  });
});

describe("public drafts routes", () => {
  const readingArgs = (id: number, cookie?: string, code = "STTM1") => args(getRequest(`/strategie/${code}/bozze/${id}`, cookie), { code, versionId: String(id) });

  it("a bozza's reading view is a 404 for a participant and for anonymous users, not a 403", async () => {
    expect((await outcome(() => reading.loader(readingArgs(bozzaId, participantCookie)))).status).toBe(404);
    expect((await outcome(() => reading.loader(readingArgs(bozzaId)))).status).toBe(404);
    expect((await outcome(() => reading.loader(readingArgs(bozzaId, staffCookie)))).status).toBe(200);
    // The same 404 as a version that does not exist, or another STTM's.
    expect((await outcome(() => reading.loader(readingArgs(999_999)))).status).toBe(404);
    expect((await outcome(() => reading.loader(readingArgs(publicId, undefined, "STTM2")))).status).toBe(404);
  });

  it("the reading view of a public version has its sections with anchors, the publication date and the 90-day date", async () => {
    const result = await outcome(() => reading.loader(readingArgs(publicId)));
    expect(result.status).toBe(200);
    const page = result.body as Awaited<ReturnType<typeof reading.loader>>;
    expect(page.sections.map((s) => s.anchor).slice(0, 3)).toEqual(["sezione-1", "sezione-1-1", "sezione-1-2"]);
    expect(page.version.publishedAt).toBe("2026-11-01T08:00:00.000Z");
    expect(page.version.earliestAdoption).toBe("2027-01-30");
    expect(page.sections.find((s) => s.number === "1.2")!.html).toContain("<table>");
  });

  it("the table of contents counts the published comments and amendments of each section", async () => {
    const s23 = versionSections(publicId).find((s) => s.number === "2.3")!;
    db.insert(sectionComments).values([
      { sectionId: s23.sectionId, versionId: publicId, authorId: staffId, body: "Pubblicato", status: "published" },
      { sectionId: s23.sectionId, versionId: publicId, authorId: staffId, body: "In attesa", status: "pending" },
    ]).run();
    db.insert(amendments).values({ sectionId: s23.sectionId, versionId: publicId, authorId: staffId, proposedText: "Nuovo testo", status: "published" }).run();
    const page = (await outcome(() => reading.loader(readingArgs(publicId)))).body as Awaited<ReturnType<typeof reading.loader>>;
    expect(page.sections.find((s) => s.number === "2.3")).toMatchObject({ comments: 1, amendments: 1 });
    expect(page.sections.find((s) => s.number === "2.2")).toMatchObject({ comments: 0, amendments: 0 });
  });

  it("a section body cannot carry script, event handlers, javascript: links or remote images into the reading view", async () => {
    const payloads = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[clic](javascript:alert(1))",
      "![traccia](https://tracker.example/p.gif)",
      '<a href="#" onmouseover="alert(1)">x</a>',
      "<iframe src=https://evil.example></iframe>",
    ];
    const target = versionSections(bozzaId).find((s) => s.number === "1.1")!;
    updateSection(target.id, { ...target, body: payloads.join("\n\n") }, staffId);
    const page = (await outcome(() => reading.loader(readingArgs(bozzaId, staffCookie)))).body as Awaited<ReturnType<typeof reading.loader>>;
    const html = page.sections.find((s) => s.number === "1.1")!.html;
    expect(html).not.toMatch(/<(script|iframe)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/(href|src)="\s*javascript:/i);
    expect(html).not.toMatch(/<img[^>]*tracker\.example/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("the public list shows public versions only; staff also see bozze", async () => {
    const anon = (await publicList.loader(args(getRequest("/strategie/STTM1/bozze"), { code: "STTM1" }))) as Awaited<ReturnType<typeof publicList.loader>>;
    expect(anon.versions.map((v) => v.id)).toEqual([publicId]);
    const staff = (await publicList.loader(args(getRequest("/strategie/STTM1/bozze", staffCookie), { code: "STTM1" }))) as Awaited<ReturnType<typeof publicList.loader>>;
    expect(staff.versions.map((v) => v.id)).toEqual([bozzaId, publicId]);
  });

  it("comparing with a bozza is a 404 for the public, allowed for staff", async () => {
    const url = `/strategie/STTM1/confronta?da=${publicId}&a=${bozzaId}`;
    expect((await outcome(() => compare.loader(args(getRequest(url), { code: "STTM1" })))).status).toBe(404);
    const staff = await outcome(() => compare.loader(args(getRequest(url, staffCookie), { code: "STTM1" })));
    expect(staff.status).toBe(200);
    expect((staff.body as Awaited<ReturnType<typeof compare.loader>>).result?.counts).toMatchObject({ added: 0, removed: 0, moved: 0 });
  });
});

describe("staff actions", () => {
  it("the preview renders sanitized HTML", async () => {
    const response = (await staffPreview.action(
      args(formRequest("/gestione/bozze/anteprima", { markdown: "**forte** <script>alert(1)</script> [x](javascript:alert(1))" }, staffCookie)),
    )) as Response;
    const { html } = (await response.json()) as { html: string };
    expect(html).toContain("<strong>forte</strong>");
    expect(html).not.toMatch(/<script|javascript:/i);
  });

  it("without JavaScript, 'Aggiorna l'anteprima' renders the typed text and saves nothing", async () => {
    const target = versionSections(bozzaId).find((s) => s.number === "2.2")!;
    const params = { versionId: String(bozzaId), sectionTextId: String(target.id) };
    const fields = { intent: "preview", number: "2.2", title: "Titolo provvisorio", depth: "2", body: "Testo **nuovo**" };
    const result = await outcome(() => staffSection.action(args(formRequest(`/gestione/bozze/${bozzaId}/sezioni/${target.id}`, fields, staffCookie), params)));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ preview: "<p>Testo <strong>nuovo</strong></p>\n", values: { title: "Titolo provvisorio" } });
    expect(versionSections(bozzaId).find((s) => s.id === target.id)!.title).toBe(target.title);
  });

  it("an upload is shown for review, then saved as a new version with the same tree", async () => {
    const review = await outcome(() =>
      staffImport.action(
        args(multipart("/gestione/bozze/importa", { strategyCode: "STTM3", versionDate: "2026-11-25", label: "" }, { name: "sttm1-estratto.docx", bytes: fixture("sttm1-estratto.docx") }, staffCookie)),
      ),
    );
    expect(review.status).toBe(200);
    const r = (review.body as { review: { label: string; markdown: string; items: { number: string; match: string | null }[] } }).review;
    expect(r.label).toBe("sttm1-estratto");
    expect(r.items.map((i) => i.number)).toEqual(["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.2"]);
    const saved = await outcome(() =>
      staffImport.action(args(formRequest("/gestione/bozze/importa", { strategyCode: "STTM3", label: "v0.1 da Word", versionDate: "2026-11-25", markdown: r.markdown }, staffCookie))),
    );
    expect(saved.status).toBe(302);
    const id = Number(saved.location!.match(/\/gestione\/bozze\/(\d+)/)![1]);
    expect(versionSections(id).map((s) => s.number)).toEqual(["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.2"]);
  });

  it("refuses a file that is neither Markdown text nor a Word document, and one over 2 MB", async () => {
    const png = await outcome(() =>
      staffImport.action(
        args(multipart("/gestione/bozze/importa", { strategyCode: "STTM3", versionDate: "2026-11-25" }, { name: "mappa.md", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }, staffCookie)),
      ),
    );
    expect(png.status).toBe(415);
    const big = await outcome(() =>
      staffImport.action(
        args(multipart("/gestione/bozze/importa", { strategyCode: "STTM3", versionDate: "2026-11-25" }, { name: "grande.md", bytes: Buffer.alloc(2 * 1024 * 1024 + 10, 0x61) }, staffCookie)),
      ),
    );
    expect(big.status).toBe(413);
  });

  it("publishing twice in one STTM is refused with a message; editing a published version is refused", async () => {
    const other = createVersion({ strategyCode: "STTM1", label: "v0.3", versionDate: "2026-11-25", notes: "", actorId: staffId });
    const refused = await outcome(() =>
      staffVersion.action(
        args(formRequest(`/gestione/bozze/${other}`, { intent: "publish", commentsOpenFrom: "2027-01-01", commentsOpenUntil: "2027-03-01" }, staffCookie), {
          versionId: String(other),
        }),
      ),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ errors: { form: "errors.draftOtherInConsultation" } });

    const frozenSection = versionSections(publicId)[0];
    const edit = await outcome(() =>
      staffSection.action(
        args(formRequest(`/gestione/bozze/${publicId}/sezioni/${frozenSection.id}`, { intent: "save", number: "1", title: "Cambiato", depth: "1", body: "" }, staffCookie), {
          versionId: String(publicId),
          sectionTextId: String(frozenSection.id),
        }),
      ),
    );
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ errors: { form: "errors.draftFrozen" } });
  });

  it("a window that ends before it starts is a 400 with the message on the field", async () => {
    const v = createVersion({ strategyCode: "STTM2", label: "finestra", versionDate: "2026-11-25", notes: "", actorId: staffId });
    const bad = await outcome(() =>
      staffVersion.action(
        args(formRequest(`/gestione/bozze/${v}`, { intent: "publish", commentsOpenFrom: "2027-03-01", commentsOpenUntil: "2027-01-01" }, staffCookie), { versionId: String(v) }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { commentsOpenUntil: "errors.draftWindow" } });
    const ok = await outcome(() =>
      staffVersion.action(
        args(formRequest(`/gestione/bozze/${v}`, { intent: "publish", commentsOpenFrom: "2027-01-01", commentsOpenUntil: "2027-03-01" }, staffCookie), { versionId: String(v) }),
      ),
    );
    expect(ok.status).toBe(302);
    const row = getVersion(v)!;
    expect(row.status).toBe("in_consultazione");
    // Rome days: open from midnight of the first day to the end of the last one.
    expect(row.commentsOpenFrom?.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(row.commentsOpenUntil?.toISOString()).toBe("2027-03-01T22:59:59.000Z");
  });

  it("a section of another version cannot be edited through this version's URL", async () => {
    const foreign = versionSections(publicId)[0];
    const result = await outcome(() =>
      staffSection.loader(args(getRequest(`/gestione/bozze/${bozzaId}/sezioni/${foreign.id}`, staffCookie), { versionId: String(bozzaId), sectionTextId: String(foreign.id) })),
    );
    expect(result.status).toBe(404);
  });
});
