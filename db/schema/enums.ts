// Plain constants (no drizzle import), so that browser code can use them too.
export const ROLES = ["admin", "staff", "participant"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  "comune",
  "public_body",
  "park",
  "university",
  "association",
  "trade_association",
  "foundation",
  "company",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_STATUSES = ["pending", "approved", "refused", "revoked"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
