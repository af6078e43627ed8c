// Helpers for integration tests: seed the reference data into the test database.
import { seedReference as seedReferenceData } from "~/seed/reference.server";

export function seedReference() {
  seedReferenceData();
}
