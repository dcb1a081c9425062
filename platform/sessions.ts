import { SESSION_MAX_AGE_SECONDS } from '../auth.config';
// Server-side sessions (user_sessions in db/schema.ts). The signed cookie carries a random id
// (the `sid` claim, platform/tokens.ts generateToken); the database keeps only its SHA-256 (hashToken),
// as it does for one-time links, so reading the database — even together with the signing key —
// never yields a working cookie.

export const SESSION_TTL_MS = SESSION_MAX_AGE_SECONDS * 1000;

// Ended and expired rows stay a day past their expiry, so yesterday's sign-ins (address, browser)
// can still be looked into; the user's next sign-in deletes older ones.
export const SESSION_KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

// Enough to tell browsers apart; a longer header is only ever padding or an attack on the column.
export const USER_AGENT_MAX_LENGTH = 200;

export function sessionExpiresAt(now: number): Date {
  return new Date(now + SESSION_TTL_MS);
}

/** Rows that expired before this moment may be deleted. */
export function sessionPruneBefore(now: number): Date {
  return new Date(now - SESSION_KEEP_AFTER_EXPIRY_MS);
}

/** The User-Agent header as stored: control characters removed, trimmed, at most 200 characters. */
export function storedUserAgent(header: string | null | undefined): string | null {
  const text = (header ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text ? text.slice(0, USER_AGENT_MAX_LENGTH) : null;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

/** A short, human name for a stored User-Agent ("Firefox on Linux"), for the account page. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
