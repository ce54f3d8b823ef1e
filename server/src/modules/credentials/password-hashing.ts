import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): about 15-50 ms per hash or verify on the
 * machines here, and memory-hard enough that a stolen table is slow to attack. Passwords and recovery
 * answers use the same parameters.
 */
export const ARGON2_OPTIONS: Options = {
  // Algorithm.Argon2id: the enum is an ambient const enum, which isolatedModules cannot inline.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password or a normalised recovery answer (PHC string). Throws nothing of its own. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies `secret` against `storedHash`; with no stored hash (unknown username, revoked recovery), verifies
 * against a dummy hash of the same parameters and answers false, so that both cases cost the same time.
 * Throws nothing of its own.
 */
export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  // Awaited on both paths, so the one-time cost of making the dummy falls on whichever request comes first.
  dummyHash ??= hashSecret('passerelle-dummy-secret');
  const dummy = await dummyHash;
  if (!storedHash) {
    await verify(dummy, secret);
    return false;
  }
  try {
    return await verify(storedHash, secret);
  } catch {
    // A malformed stored hash is not the person's fault, but it is not a match either.
    return false;
  }
}
