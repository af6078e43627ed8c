// Helpers for integration tests: seed the reference data into the test database.
import { db } from "~/lib/db.server";
import { seedTerritory } from "~/domain/territory/seed.server";
import { readPtm, seedPlan } from "~/domain/plan/seed.server";
import { seedOrganizations } from "~/domain/accounts/seed.server";
import { seedProcesses } from "~/domain/processes/seed.server";

export function seedReference() {
  seedTerritory(db);
  seedPlan(db);
  seedOrganizations(db, readPtm().kickoffParticipants);
  seedProcesses(db);
}
