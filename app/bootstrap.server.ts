import { db } from "~/lib/db.server";
import { shouldSeedDemo } from "~/lib/env.server";
import { seedTerritory } from "~/domain/territory/seed.server";
import { readPtm, seedPlan } from "~/domain/plan/seed.server";
import { seedOrganizations } from "~/domain/accounts/seed.server";
import { seedDemoAccounts } from "~/domain/accounts/demo.server";
import { seedProcesses } from "~/domain/processes/seed.server";
import { seedDemoDrafts } from "~/domain/drafts/demo.server";
import { purgeExpiredStashes } from "~/lib/form-stash.server";
import { seedDemoMeetings } from "~/domain/meetings/demo.server";
import { seedDemoContributions } from "~/domain/contributions/demo.server";
import { seedDemoReports } from "~/domain/reports/demo.server";
import { seedDemoHeldTable } from "~/domain/reports/demo-held-table.server";
import { seedDemoParticipationReport } from "~/domain/reports/participation-demo.server";

/**
 * Runs once when the server starts (server.js calls it through the build's entry module):
 * the database is already migrated when db.server.ts opens it; this adds the reference data
 * (idempotent) and, outside production or when CONCERTA_DEMO_SEED is set, the demo accounts.
 */
export async function bootstrap() {
  seedTerritory(db);
  seedPlan(db);
  seedOrganizations(db, readPtm().kickoffParticipants);
  seedProcesses(db);
  purgeExpiredStashes();
  if (shouldSeedDemo()) {
    await seedDemoAccounts();
    await seedDemoDrafts();
    seedDemoMeetings(db);
    seedDemoContributions();
    await seedDemoReports();
    await seedDemoHeldTable();
    await seedDemoParticipationReport();
  }
}
