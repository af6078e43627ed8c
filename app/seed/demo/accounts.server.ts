import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { memberships, organizations, users, type Role } from "~db/schema";
import { createMembership } from "~/seed/factories.server";
import { findUserByEmail, registerUser } from "~/domain/accounts/users.server";

export const DEMO_PASSWORD = "Concerta-demo-2026";

/** Demo accounts, one per role and kind of participant; listed in README. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; organizationSlug?: string; position?: string }[] = [
  { email: "admin@concerta.example", name: "Amministratrice Demo", role: "admin" },
  { email: "staff@concerta.example", name: "Marco Ferrari (staff CMM)", role: "staff" },
  {
    email: "ufficio.tecnico@rho.example",
    name: "Laura Colombo",
    role: "participant",
    organizationSlug: "comune-di-rho",
    position: "Ufficio tecnico — Urbanistica",
  },
  {
    email: "lombardia@legambiente.example",
    name: "Paolo Rossi",
    role: "participant",
    organizationSlug: "legambiente-lombardia",
    position: "Responsabile territorio",
  },
  { email: "cittadina@concerta.example", name: "Giulia Bianchi", role: "participant" },
];

/** Creates the demo accounts (and their approved memberships) that do not exist yet. */
export async function seedDemoAccounts() {
  const admin = DEMO_ACCOUNTS[0];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(account.email)) continue;
    const userId = await registerUser({ email: account.email, name: account.name, password: DEMO_PASSWORD, role: account.role });
    if (!account.organizationSlug) continue;
    const org = await db.select().from(organizations).where(eq(organizations.slug, account.organizationSlug)).get();
    if (!org) continue;
    const adminRow = await db.select({ id: users.id }).from(users).where(eq(users.email, admin.email)).get();
    const existing = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, org.id)))
      .get();
    if (existing) continue;
    createMembership({
      userId,
      organizationId: org.id,
      position: account.position,
      status: "approved",
      decidedAt: new Date(),
      decidedBy: adminRow?.id ?? null,
      decisionNote: "Account dimostrativo",
    });
  }
}
