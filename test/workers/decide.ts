// A second (and third) process deciding on the same database file as the test: started by
// test/participation-pipeline.routes.test.ts, it opens the database through the app's own module,
// waits for "go" on its standard input, takes one decision and prints the outcome as JSON.
import { decide, ModerationError, type DecisionKind } from "~/domain/moderation/decide.server";
import type { ModeratedKind } from "~db/schema/enums";

const [kind, id] = (process.env.WORKER_ITEM ?? "").split(":");
const input = {
  actorId: process.env.WORKER_ACTOR ?? "",
  item: { kind: kind as ModeratedKind, id: Number(id) },
  decision: (process.env.WORKER_DECISION ?? "publish") as DecisionKind,
  reason: { code: "off_topic" as const, text: "Deciso da un altro processo" },
  seen: Number(process.env.WORKER_SEEN),
};

process.stdin.once("data", () => {
  try {
    decide(input);
    console.log(JSON.stringify({ ok: true }));
  } catch (error) {
    if (error instanceof ModerationError) console.log(JSON.stringify({ ok: false, status: error.status, key: error.key }));
    else console.log(JSON.stringify({ ok: false, error: String(error) }));
  }
  process.exit(0);
});
