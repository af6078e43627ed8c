import { describe, expect, it } from "vitest";
import * as route from "~/routes/i18n.$file";
import { catalogueScript, catalogueUrl } from "./catalogues.server";

type Args = Parameters<typeof route.loader>[0];
const get = (file: string) => route.loader({ request: new Request(`http://localhost/i18n/${file}`), params: { file }, context: {} } as unknown as Args);

describe("the catalogue script", () => {
  it("serves the page language's messages at a hashed, immutable URL", async () => {
    const url = catalogueUrl("it");
    expect(url).toMatch(/^\/i18n\/it-[0-9a-f]{12}\.js$/);
    const res = await get(url.slice("/i18n/".length));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    const body = await res.text();
    const window: { __concertaMessages?: Record<string, Record<string, string>> } = {};
    new Function("window", body)(window);
    expect(window.__concertaMessages?.it["participation.amendments.title"]).toBe("Emendamenti proposti");
    expect(body).not.toContain("</");
  });

  it("gives a page from before a deploy (old hash) today's messages, uncached; 404 to anything else", async () => {
    const stale = await get("it-000000000000.js");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("Cache-Control")).toBe("no-cache");
    expect(await stale.text()).toBe(catalogueScript("it").body);
    for (const file of ["de-" + catalogueScript("it").hash + ".js", "it.js", "../x"]) expect((await get(file)).status, file).toBe(404);
  });
});
