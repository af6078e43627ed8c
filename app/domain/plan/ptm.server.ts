import { readSeedJson } from "~/lib/seed-files.server";

// The plan as shipped in db/seed/ptm.json: seeded into the tables by app/seed/plan.server.ts, and read
// as is for what has no table (the process milestones and rules shown on the plan pages).

export type PtmFile = {
  principles: { code: string; title: string }[];
  objectives: { code: string; title: string }[];
  sttmFrameworks: { code: string; title: string; about: string }[];
  strategies: { code: string; title: string; targets: { code: string; title: string; theme: string }[] }[];
  process: {
    name: string;
    milestones: { date: string; endDate?: string; kind: string; title: string; about?: string }[];
    rules: { ref: string; rule: string }[];
  };
  kickoffParticipants: string[];
};

export function readPtm() {
  return readSeedJson<PtmFile>("ptm.json");
}
