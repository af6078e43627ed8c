import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph } from "./import-graph";

const root = path.resolve(__dirname, "..");

describe("the import graph of app/", () => {
  it("is read (the route modules and the capabilities are in it)", () => {
    const files = [...importGraph(root).keys()].map((f) => path.relative(root, f));
    expect(files).toContain("app/domain/moderation/decide.server.ts");
    expect(files).toContain("app/routes/contributi.$id._index.tsx");
  });

  it("has no cycle", () => {
    expect(importCycles(root)).toEqual([]);
  });
});
