import { db } from "~/lib/db.server";
import { seedDemoAccounts } from "./demo/accounts.server";
import { seedDemoContributions } from "./demo/contributions.server";
import { seedDemoDrafts } from "./demo/drafts.server";
import { seedDemoHeldTable } from "./demo/held-table.server";
import { seedDemoReports } from "./demo/kickoff-report.server";
import { seedDemoMeetings } from "./demo/meetings.server";
import { seedDemoParticipationReport } from "./demo/participation-report.server";

/**
 * The demo data set (accounts listed in README, drafts, meetings, contributions, reports), in the
 * order each part needs the previous ones. Every part is idempotent and never overwrites staff edits.
 */
export async function seedDemo() {
  await seedDemoAccounts();
  await seedDemoDrafts();
  seedDemoMeetings(db);
  seedDemoContributions();
  await seedDemoReports();
  await seedDemoHeldTable();
  await seedDemoParticipationReport();
}
