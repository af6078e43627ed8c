import { describe, expect, it } from "vitest";
import { listPageHref, pageSearch, pageWindow } from "./Pagination";

describe("pagination links", () => {
  it("keep the other parameters, put the page last, drop one-time notices and the index marker", () => {
    expect(pageSearch("", 2)).toBe("?page=2");
    expect(pageSearch("?status=approved&page=3", 2)).toBe("?status=approved&page=2");
    expect(pageSearch("?page=3&actor=a%40b.it&from=2027-01-01", 4)).toBe("?actor=a%40b.it&from=2027-01-01&page=4");
    expect(pageSearch("?q=via+Roma&ok=role", 2, "page", ["ok"])).toBe("?q=via+Roma&page=2");
    expect(pageSearch("?index&filter=waiting&ok=attendance&page=2", 1, "page", ["ok"])).toBe("?filter=waiting&page=1");
    expect(pageSearch("?esito=updated", 3, "pagina", ["esito"])).toBe("?pagina=3");
  });

  it("of a list with its own query: page 1 is the plain list", () => {
    expect(listPageHref("/contributi", "", 1)).toBe("/contributi");
    expect(listPageHref("/contributi", "", 3)).toBe("/contributi?page=3");
    expect(listPageHref("/contributi", "q=parchi&sort=oldest", 2)).toBe("/contributi?q=parchi&sort=oldest&page=2");
  });

  it("number the first, the last and two on each side of the current page", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 2)).toEqual([1, 2]);
    expect(pageWindow(6, 20)).toEqual([1, 4, 5, 6, 7, 8, 20]);
    expect(pageWindow(20, 20)).toEqual([1, 18, 19, 20]);
  });
});
