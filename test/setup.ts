// Runs before each test file: every file gets its own real SQLite database in a temp folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concerta-test-"));
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = path.join(dir, "test.db");
