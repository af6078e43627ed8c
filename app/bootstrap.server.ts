import { shouldSeedDemo } from "~/lib/env.server";
import { purgeExpiredStashes } from "~/lib/form-stash.server";
import { seedDemo } from "~/seed/demo.server";
import { seedReference } from "~/seed/reference.server";

/**
 * Runs once when the server starts (server.js calls it through the build's entry module):
 * the database is already migrated when db.server.ts opens it; this adds the reference data
 * (idempotent) and, outside production or when CONCERTA_DEMO_SEED is set, the demo data.
 */
export async function bootstrap() {
  seedReference();
  purgeExpiredStashes();
  if (shouldSeedDemo()) await seedDemo();
}
