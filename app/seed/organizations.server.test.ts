import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { seedReference } from "../../test/db";
import { readPtm } from "~/domain/plan/ptm.server";
import { KICKOFF_KINDS, seedOrganizations } from "~/seed/organizations.server";

beforeAll(() => {
  seedReference();
});

function snapshot() {
  return sqlite.prepare("select id, slug, name, kind, istat_code from organizations order by id").all();
}

describe("organizations seed", () => {
  it("creates one comune organization per comune, tied to its ISTAT code", () => {
    const row = sqlite
      .prepare("select count(*) n, count(distinct istat_code) codes from organizations where kind = 'comune'")
      .get() as { n: number; codes: number };
    expect(row).toEqual({ n: 133, codes: 133 });
    const orphans = sqlite
      .prepare("select count(*) n from organizations o left join comuni c on c.istat = o.istat_code where o.kind = 'comune' and c.istat is null")
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(sqlite.prepare("select istat_code from organizations where slug = 'comune-di-rho'").get()).toEqual({ istat_code: "015182" });
  });

  it("adds every kick-off participant with a sensible kind; Comune di Milano is the comune organization", () => {
    const participants = readPtm().kickoffParticipants;
    expect(participants).toHaveLength(27);
    for (const name of participants) expect(KICKOFF_KINDS[name], name).toBeDefined();
    const others = sqlite.prepare("select name, kind from organizations where kind <> 'comune'").all() as { name: string; kind: string }[];
    expect(others).toHaveLength(26);
    const kindOf = Object.fromEntries(others.map((o) => [o.name, o.kind]));
    expect(kindOf["Legambiente Lombardia"]).toBe("association");
    expect(kindOf["Politecnico di Milano"]).toBe("university");
    expect(kindOf["Parco Nord Milano"]).toBe("park");
    expect(kindOf["Regione Lombardia"]).toBe("public_body");
    expect(kindOf["Assolombarda"]).toBe("trade_association");
    expect(sqlite.prepare("select count(*) n from organizations where name = 'Comune di Milano'").get()).toEqual({ n: 1 });
  });

  it("changes nothing when run again", () => {
    const before = snapshot();
    seedOrganizations(db, readPtm().kickoffParticipants);
    expect(snapshot()).toEqual(before);
  });
});
