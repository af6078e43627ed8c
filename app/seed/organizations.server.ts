import type { DB } from "~/lib/db.server";
import { slugify } from "~/lib/slug";
import { readSeedJson } from "~/lib/seed-files.server";
import { comuni, organizations, type OrganizationKind } from "~db/schema";

/** Kinds of the kick-off participants of ptm.json, chosen by what each organization is. */
export const KICKOFF_KINDS: Record<string, OrganizationKind> = {
  "ALSEA (Associazione Lombarda Spedizionieri e Autotrasportatori)": "trade_association",
  "AMAT (Agenzia Mobilità Ambiente e Territorio)": "public_body",
  "Ambiente Italia": "company",
  "A.P.I. Associazione Piccole e Medie Industrie": "trade_association",
  "Assimpredil ANCE": "trade_association",
  Assolombarda: "trade_association",
  "CAP Holding": "company",
  "Casa dell'agricoltura": "association",
  "CIA (Confederazione Italiana Agricoltori) Mi-Lo-MB": "trade_association",
  "Comune di Milano": "comune",
  "Confcommercio Milano": "trade_association",
  ENEA: "public_body",
  "FAI (Federazione Autotrasportatori Italiani)": "trade_association",
  "FHS - Fondazione Housing Sociale": "foundation",
  "Fondazione Cariplo": "foundation",
  "Globus et Locus": "association",
  "Humanitas University": "university",
  "IN/Arch": "association",
  "Legambiente Lombardia": "association",
  "Parco Agricolo Sud Milano": "park",
  "Parco Lombardo della Valle del Ticino": "park",
  "Parco Nord Milano": "park",
  "Politecnico di Milano": "university",
  "Regione Lombardia": "public_body",
  "Resilience Lab": "association",
  "Studio Blasi": "company",
  "Università degli Studi di Milano Bicocca": "university",
};

export function comuneOrganizationName(comuneName: string) {
  return `Comune di ${comuneName}`;
}

/**
 * One organization of kind "comune" per comune (tied to its ISTAT code) and the kick-off
 * participants. "Comune di Milano" of the kick-off is the comune organization of Milano.
 * Upserts by slug: running it twice changes nothing. Needs the territory seeded first.
 */
export function seedOrganizations(db: DB, kickoffParticipants: string[]) {
  const allComuni = db.select({ istat: comuni.istat, name: comuni.name }).from(comuni).all();
  db.transaction((tx) => {
    for (const c of allComuni) {
      const name = comuneOrganizationName(c.name);
      const v = { slug: slugify(name), name, kind: "comune" as const, istatCode: c.istat };
      tx.insert(organizations).values(v).onConflictDoUpdate({ target: organizations.slug, set: v }).run();
    }
    for (const name of kickoffParticipants) {
      const kind = KICKOFF_KINDS[name] ?? "other";
      if (kind === "comune") continue; // already there as a comune organization
      const v = { slug: slugify(name), name, kind };
      tx.insert(organizations).values(v).onConflictDoUpdate({ target: organizations.slug, set: v }).run();
    }
  });
}

// Re-exported for callers that seed from the shipped file.
export function readKickoffParticipants() {
  return readSeedJson<{ kickoffParticipants: string[] }>("ptm.json").kickoffParticipants;
}
