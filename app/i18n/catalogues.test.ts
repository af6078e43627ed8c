import { describe, expect, it } from "vitest";
import { it as italian } from "./it";
import { en } from "./en";
import { translator } from "./index";

describe("catalogues", () => {
  it("English defines exactly the Italian keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(italian).sort());
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe("");
    for (const [key, value] of Object.entries(italian)) expect(value.trim(), key).not.toBe("");
  });

  it("keeps the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(italian[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translator("it")("common.page", { page: 2, pages: 5 })).toBe("Pagina 2 di 5");
    expect(translator("en")("common.page", { page: 2, pages: 5 })).toBe("Page 2 of 5");
  });
});
