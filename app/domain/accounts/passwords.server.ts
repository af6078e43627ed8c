import { hash, verify } from "@node-rs/argon2";

// Argon2id (memory-hard) with OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps the response
// time the same, so timing does not reveal whether an e-mail is registered.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string) {
  dummyHash ??= hashPassword("concerta-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
