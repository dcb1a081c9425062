import { createHash, randomBytes } from 'node:crypto';

// One-time links (invitations, password resets): the link carries a random token, the
// database keeps only its SHA-256, so a copy of the database cannot be turned into links.
export const ONE_TIME_LINK_TTL_MS = 72 * 60 * 60 * 1000;

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// 20 characters from a 56-letter alphabet without look-alikes: about 116 bits.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function generatePassword(length = 20): string {
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling keeps every letter equally likely.
      if (byte < 256 - (256 % ALPHABET.length) && out.length < length) out.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return out.join('');
}

export function oneTimeLinkPath(token: string): string {
  return `/login/set-password?token=${encodeURIComponent(token)}`;
}
