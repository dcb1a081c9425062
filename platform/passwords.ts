import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm, 2) with its OWASP-recommended defaults:
// 19 MiB memory, 2 iterations, 1 lane. Parameters are stored in each hash, so raising them
// later only affects new hashes.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A hash of nothing in particular: verifying against it when the email is unknown makes a
// failed sign-in take as long whether or not the account exists.
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword('gazette-decoy-password');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
