import { sqlite } from "~/lib/db.server";
import { generateSynthetic } from "~/seed/synthetic.server";

const DEMO_PREFIX = "demo.contributi";
export const DEMO_CONTRIBUTIONS = 150;

/**
 * 150 plausible contributions (with their people, comments and supports) so that the list, the map
 * and the contribution pages have something to show in the demo. Synthetic, from the same generator
 * as the benchmarks; the people are "@sintetico.example" accounts without a password.
 * Runs once: skipped when its first person already exists.
 */
export function seedDemoContributions() {
  const exists = sqlite.prepare("select 1 from users where email = ?").get(`${DEMO_PREFIX}.000001@sintetico.example`);
  if (exists) return null;
  return generateSynthetic(sqlite, { contributions: DEMO_CONTRIBUTIONS, seed: 2026, users: 40, organizations: 0, emailPrefix: DEMO_PREFIX });
}
