import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from './auth-secret';

// Share links for previewing an unpublished article: "/preview/<id>?token=<expiresAtMs>.<sig>",
// where sig is HMAC-SHA256 over "<articleId>.<expiresAtMs>". Nothing is stored per link: a link
// stops working after 24 hours; the desk can withdraw every link to one article made so far
// (articles.preview_links_revoked_at: a link issued at or before that time is refused, links made
// after it work); rotating AUTH_SECRET ends every link at once (and every session).
//
// The key is derived from the server's auth secret (platform/auth-secret.ts) for this one purpose,
// so a preview signature can never be mistaken for anything else the secret signs.

export const PREVIEW_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
// A clock a little ahead on another instance must not refuse a fresh link.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type PreviewTokenCheck = { ok: true; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

interface Options {
  now?: Date;
  secret?: string;
  // When the desk withdrew this article's share links: links issued until then are refused.
  revokedAt?: Date | null;
}

function previewKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('gazette preview link v1').digest();
}

function sign(articleId: number, expiresAtMs: number, secret: string): Buffer {
  return createHmac('sha256', previewKey(secret)).update(`${articleId}.${expiresAtMs}`).digest();
}

export function createPreviewToken(articleId: number, options: Options = {}): { token: string; expiresAt: Date } {
  if (!Number.isSafeInteger(articleId) || articleId <= 0) throw new Error(`invalid article id ${articleId}`);
  const expiresAtMs = (options.now ?? new Date()).getTime() + PREVIEW_TOKEN_TTL_MS;
  const signature = sign(articleId, expiresAtMs, options.secret ?? getAuthSecret()).toString('base64url');
  return { token: `${expiresAtMs}.${signature}`, expiresAt: new Date(expiresAtMs) };
}

/**
 * Is `token` a link for this article that has not expired? A token for another article, with an
 * edited expiry or signature, or in any other shape is 'invalid'; only a genuine link past its
 * time is 'expired', and a genuine one the desk withdrew is 'revoked' (so the page can say so).
 */
export function verifyPreviewToken(token: unknown, articleId: number, options: Options = {}): PreviewTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'invalid' };
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || !Number.isSafeInteger(articleId) || articleId <= 0) return { ok: false, reason: 'invalid' };
  const expiresAtMs = Number(match[1]);
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = sign(articleId, expiresAtMs, options.secret ?? getAuthSecret());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const now = (options.now ?? new Date()).getTime();
  // A genuine signature never names a time further ahead than a fresh link would.
  if (expiresAtMs > now + PREVIEW_TOKEN_TTL_MS + CLOCK_SKEW_MS) return { ok: false, reason: 'invalid' };
  if (expiresAtMs <= now) return { ok: false, reason: 'expired' };
  const expiresAt = new Date(expiresAtMs);
  if (wasWithdrawn(expiresAt, options.revokedAt)) return { ok: false, reason: 'revoked' };
  return { ok: true, expiresAt };
}

/** Was a genuine link (known by its expiry) made at or before the desk withdrew the article's links? */
export function wasWithdrawn(expiresAt: Date, revokedAt: Date | null | undefined): boolean {
  // A link is issued a fixed time before it expires.
  return !!revokedAt && expiresAt.getTime() - PREVIEW_TOKEN_TTL_MS <= revokedAt.getTime();
}

export function previewPath(articleId: number, token?: string): string {
  return token ? `/preview/${articleId}?token=${encodeURIComponent(token)}` : `/preview/${articleId}`;
}
