import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default("./data/concerta.db"),
  /** Seed the demo accounts. Always on outside production; in production only when set. */
  CONCERTA_DEMO_SEED: flag,
  /** Force the Secure attribute on the session cookie (default: on in production). */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_BLOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Where the site is reached, for links in e-mails. */
  PUBLIC_URL: z.string().url().optional(),
  /** SMTP server for e-mails, e.g. smtps://user:password@smtp.example.org:465. Unset: messages stay in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Concerta — Città metropolitana di Milano <noreply@cittametropolitana.mi.it>"),
  /** Where uploaded documents are stored. */
  UPLOADS_DIR: z.string().default("./data/uploads"),
  /** Serve OpenStreetMap tiles under the boundaries; set to "" to draw boundaries only. */
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  /** Never start Chromium for report PDFs: they answer 503 pointing to DOCX/Markdown (CHROMIUM_PATH picks the browser). */
  CONCERTA_PDF_DISABLED: flag,
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

export function isProduction(e: Env = env) {
  return e.NODE_ENV === "production";
}

/** Demo accounts: always outside production; in production only with CONCERTA_DEMO_SEED=true. */
export function shouldSeedDemo(e: Env = env) {
  return e.CONCERTA_DEMO_SEED || !isProduction(e);
}

export function cookieSecure(e: Env = env) {
  return e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : isProduction(e);
}

export function publicUrl(e: Env = env) {
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/** Values the browser may see. */
export function publicEnv() {
  return { MAP_TILE_URL: env.MAP_TILE_URL };
}
