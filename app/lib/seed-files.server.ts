import fs from "node:fs";
import path from "node:path";

/** Reads a JSON file shipped in db/seed (resolved from the working directory, like the migrations). */
export function readSeedJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed", file), "utf8")) as T;
}
