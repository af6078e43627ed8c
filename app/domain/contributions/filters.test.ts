import { describe, expect, it } from "vitest";
import { filtersToSearchParams, hasSelection, MAX_PAGE, parseFilters, selectionOf } from "./filters";

const parse = (qs: string) => parseFilters(new URLSearchParams(qs));

describe("parseFilters", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual({ page: 1, sort: "newest" });
  });

  it("reads every filter", () => {
    expect(
      parse("q=pista%20ciclabile&sttm=STTM1&target=STTM1.1&kind=proposta&zone=nord-ovest&comune=015182&orgKind=association&outcome=without&from=2025-01-01&to=2025-12-31&page=3&sort=supported"),
    ).toEqual({
      q: "pista ciclabile",
      sttm: "STTM1",
      target: "STTM1.1",
      kind: "proposta",
      zone: "nord-ovest",
      comune: "015182",
      orgKind: "association",
      outcome: "without",
      from: "2025-01-01",
      to: "2025-12-31",
      page: 3,
      sort: "supported",
    });
  });

  it("drops invalid values one by one, keeping the valid ones (never throws)", () => {
    const f = parse("sttm=STTM1;drop&target=x&kind=lettera&zone=Nord%20Ovest&comune=15182&orgKind=alien&outcome=maybe&from=2025-02-30&to=ieri&page=-4&sort=random&q=%20%20");
    expect(f).toEqual({ page: 1, sort: "newest" });
    expect(parse("kind=segnalazione&comune=abc").kind).toBe("segnalazione");
  });

  it("clamps the page to the allowed range", () => {
    expect(parse("page=0").page).toBe(1);
    expect(parse(`page=${MAX_PAGE + 1}`).page).toBe(1);
    expect(parse(`page=${MAX_PAGE}`).page).toBe(MAX_PAGE);
    expect(parse("page=2.5").page).toBe(1);
  });

  it("normalises the search text and the codes", () => {
    expect(parse("q=%20%20mobilit%C3%A0%20%20%20sostenibile%20").q).toBe("mobilità sostenibile");
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(200);
    expect(parse("sttm=sttm2").sttm).toBe("STTM2");
    expect(parse("target=sttm2.3").target).toBe("STTM2.3");
  });

  it("takes the first of a repeated parameter and ignores empty ones", () => {
    expect(parse("kind=proposta&kind=segnalazione").kind).toBe("proposta");
    expect(parse("kind=&zone=&q=")).toEqual({ page: 1, sort: "newest" });
  });

  it("drops an STTM that contradicts the target", () => {
    expect(parse("sttm=STTM2&target=STTM1.1")).toMatchObject({ target: "STTM1.1" });
    expect(parse("sttm=STTM2&target=STTM1.1").sttm).toBeUndefined();
    expect(parse("sttm=STTM1&target=STTM1.1").sttm).toBe("STTM1");
  });

  it("accepts citizens as an author kind", () => {
    expect(parse("orgKind=person").orgKind).toBe("person");
  });
});

describe("filtersToSearchParams", () => {
  it("round-trips every combination through the URL", () => {
    const cases = [
      "",
      "q=mobilità&page=2",
      "sttm=STTM1&zone=nord-ovest&kind=proposta",
      "target=STTM3.4&comune=015146&orgKind=person&outcome=with&sort=supported",
      "from=2024-03-01&to=2024-03-31&page=400",
    ];
    for (const qs of cases) {
      const f = parse(qs);
      expect(parseFilters(filtersToSearchParams(f))).toEqual(f);
    }
  });

  it("leaves out the defaults, so the plain list is a plain URL", () => {
    expect(filtersToSearchParams(parse("page=1&sort=newest")).toString()).toBe("");
    expect(filtersToSearchParams(parse("kind=proposta&page=2")).toString()).toBe("kind=proposta&page=2");
  });

  it("writes only the selecting filters for the map", () => {
    const f = parse("kind=proposta&page=3&sort=supported");
    expect(selectionOf(f)).toEqual({ kind: "proposta" });
    expect(hasSelection(f)).toBe(true);
    expect(hasSelection(parse("page=2"))).toBe(false);
  });
});
