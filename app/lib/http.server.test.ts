import { describe, expect, it } from "vitest";
import { DomainError } from "./domain-error";
import { domainFormError, invariantFound } from "./http.server";
import { langCookie } from "./lang.server";

async function thrown(run: () => unknown): Promise<Response> {
  try {
    run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

const request = async (lang?: "it" | "en") =>
  new Request("http://localhost/incontri/999", { headers: lang ? { Cookie: await langCookie.serialize(lang) } : {} });

describe("invariantFound", () => {
  it("lets a truthy value through", async () => {
    const req = await request();
    expect(() => invariantFound({ id: 1 }, req, "errors.notFound.meeting")).not.toThrow();
  });

  it("throws a 404 whose text is the catalogue message in the request's language (Italian by default)", async () => {
    for (const [lang, text] of [
      [undefined, "Incontro non trovato"],
      ["it", "Incontro non trovato"],
      ["en", "Meeting not found"],
    ] as const) {
      const req = await request(lang);
      const res = await thrown(() => invariantFound(null, req, "errors.notFound.meeting"));
      expect(res.status, lang).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(await res.text(), lang).toBe(text);
    }
  });
});

describe("domainFormError", () => {
  it("puts the refusal's key under its field, or under form, with its status", async () => {
    const onField = domainFormError(new DomainError("errors.emailTaken", 409, { field: "email" }), { email: "a@b.it" });
    expect(onField.init?.status).toBe(409);
    expect(onField.data).toEqual({ ok: false, values: { email: "a@b.it" }, errors: { email: "errors.emailTaken" } });
    expect(domainFormError(new DomainError("errors.lastAdmin", 409), {}).data.errors).toEqual({ form: "errors.lastAdmin" });
  });
});
