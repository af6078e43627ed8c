import { db as appDb, type DB } from "~/lib/db.server";
import { readPtm } from "~/domain/plan/ptm.server";
import { seedOrganizations } from "./organizations.server";
import { seedPlan } from "./plan.server";
import { seedProcesses } from "./processes.server";
import { seedTerritory } from "./territory.server";

/**
 * The reference data every database needs, from db/seed/: the territory (zones, comuni), the plan
 * (principles, objectives, STTM, targets), the organizations (one per comune, the kick-off
 * participants) and the first process. Idempotent; run at every start, by the tests and the scripts.
 */
export function seedReference(db: DB = appDb) {
  seedTerritory(db);
  seedPlan(db);
  seedOrganizations(db, readPtm().kickoffParticipants);
  seedProcesses(db);
}
