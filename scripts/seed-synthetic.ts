// Adds a synthetic data set of contributions to a database (created and migrated if needed).
//
//   npm run seed:synthetic -- --contributions 100000 [--database path/to.db] [--seed 42]
//
// Without --database it writes to DATABASE_URL (default ./data/concerta.db). The reference data
// (territory, plan, organizations, the first process) is seeded first; it is idempotent.
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    contributions: { type: "string", default: "1000" },
    database: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
  },
});

const contributions = Number(values.contributions);
if (!Number.isInteger(contributions) || contributions < 0) {
  console.error("--contributions must be a whole number");
  process.exit(1);
}
// db.server.ts opens DATABASE_URL when imported: set it first.
if (values.database) process.env.DATABASE_URL = values.database;

const { sqlite } = await import("../app/lib/db.server");
const { seedReference } = await import("../app/seed/reference.server");
const { generateSynthetic } = await import("../app/seed/synthetic.server");

seedReference();

// A bulk load into a file being built: no need to wait for the disk at every commit.
sqlite.pragma("synchronous = OFF");
sqlite.pragma("cache_size = -262144");
const report = generateSynthetic(sqlite, {
  contributions,
  seed: values.seed ? Number(values.seed) : undefined,
  users: values.users ? Number(values.users) : undefined,
});
// Planner statistics, as `PRAGMA optimize` keeps them on a long-running database.
sqlite.pragma("synchronous = NORMAL");
sqlite.pragma("optimize=0x10002");
sqlite.pragma("wal_checkpoint(TRUNCATE)");
console.log(
  `${report.contributions} contributions (${report.published} published, ids ${report.firstId}–${report.lastId}), ` +
    `${report.users} users, ${report.organizations} new organizations, ${report.comments} comments, ${report.supports} supports ` +
    `in ${(report.milliseconds / 1000).toFixed(1)} s → ${process.env.DATABASE_URL ?? "./data/concerta.db"}`,
);
sqlite.close();
