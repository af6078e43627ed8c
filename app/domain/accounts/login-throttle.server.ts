import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "~/lib/env.server";

/**
 * Failed log-ins are counted per account (e-mail) and per client address. Past the limit
 * the log-in answers 429 for LOGIN_BLOCK_MINUTES, whether or not the password is right.
 * In memory: one process serves the app (SQLite); a restart forgets the counters.
 */
const duration = env.LOGIN_BLOCK_MINUTES * 60;
const perAccount = new RateLimiterMemory({ keyPrefix: "login_account", points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, duration });
const perAddress = new RateLimiterMemory({ keyPrefix: "login_address", points: env.LOGIN_MAX_FAILURES_PER_ADDRESS, duration });

function accountKey(email: string) {
  return email.trim().toLowerCase();
}

/** Seconds to wait before trying again, or 0 when a log-in may be attempted. */
export async function loginBlockedFor(email: string, address: string): Promise<number> {
  const [a, b] = await Promise.all([perAccount.get(accountKey(email)), perAddress.get(address)]);
  let wait = 0;
  if (a && a.consumedPoints >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) wait = Math.max(wait, a.msBeforeNext);
  if (b && b.consumedPoints >= env.LOGIN_MAX_FAILURES_PER_ADDRESS) wait = Math.max(wait, b.msBeforeNext);
  return Math.ceil(wait / 1000);
}

export async function recordLoginFailure(email: string, address: string) {
  // consume() rejects once the points are used up; that is expected here.
  await Promise.allSettled([perAccount.consume(accountKey(email)), perAddress.consume(address)]);
}

export async function recordLoginSuccess(email: string) {
  await perAccount.delete(accountKey(email));
}

/** Test helper: forget every counter. */
export async function resetLoginThrottle(email: string, address: string) {
  await Promise.all([perAccount.delete(accountKey(email)), perAddress.delete(address)]);
}
