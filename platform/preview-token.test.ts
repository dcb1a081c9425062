import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPreviewToken, PREVIEW_TOKEN_TTL_MS, previewPath, verifyPreviewToken } from './preview-token';

const secret = 'test-secret-for-previews';
const now = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => ({ secret, now: new Date(now.getTime() + ms) });

function flip(text: string, index: number): string {
  const c = text[index]!;
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('preview tokens', () => {
  it('accepts a fresh token for its article and says when it expires (24 hours)', () => {
    const { token, expiresAt } = createPreviewToken(42, { secret, now });
    expect(expiresAt.getTime() - now.getTime()).toBe(PREVIEW_TOKEN_TTL_MS);
    expect(PREVIEW_TOKEN_TTL_MS).toBe(86_400_000);
    expect(verifyPreviewToken(token, 42, at(0))).toEqual({ ok: true, expiresAt });
    expect(verifyPreviewToken(token, 42, at(PREVIEW_TOKEN_TTL_MS - 1))).toMatchObject({ ok: true });
  });

  it('calls a genuine token past its time expired', () => {
    const { token } = createPreviewToken(42, { secret, now });
    expect(verifyPreviewToken(token, 42, at(PREVIEW_TOKEN_TTL_MS))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(token, 42, at(30 * PREVIEW_TOKEN_TTL_MS))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses links issued up to the moment the desk withdrew them, and accepts those made after', () => {
    const before = createPreviewToken(42, { secret, now });
    const withdrawn = new Date(now.getTime() + 60_000);
    const after = createPreviewToken(42, { secret, now: new Date(withdrawn.getTime() + 1) });
    const check = (token: string) => verifyPreviewToken(token, 42, { ...at(120_000), revokedAt: withdrawn });
    expect(check(before.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(check(createPreviewToken(42, { secret, now: withdrawn }).token)).toEqual({ ok: false, reason: 'revoked' });
    expect(check(after.token)).toEqual({ ok: true, expiresAt: after.expiresAt });
    // Without a withdrawal the old link still works.
    expect(verifyPreviewToken(before.token, 42, { ...at(120_000), revokedAt: null })).toMatchObject({ ok: true });
  });

  it('refuses a token for another article', () => {
    const { token } = createPreviewToken(42, { secret, now });
    expect(verifyPreviewToken(token, 43, at(0))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another secret', () => {
    const { token } = createPreviewToken(42, { secret: 'another-secret', now });
    expect(verifyPreviewToken(token, 42, at(0))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an extended expiry or an edited signature', () => {
    const { token } = createPreviewToken(42, { secret, now });
    const [expires, signature] = token.split('.') as [string, string];
    const extended = `${Number(expires) + 60_000}.${signature}`;
    expect(verifyPreviewToken(extended, 42, at(0))).toEqual({ ok: false, reason: 'invalid' });
    // An extended expiry stays refused even after the real one has passed: never "expired".
    expect(verifyPreviewToken(extended, 42, at(PREVIEW_TOKEN_TTL_MS + 1))).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyPreviewToken(`${expires}.${flip(signature, 5)}`, 42, at(0))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a validly signed token that claims a far-future expiry', () => {
    const { token } = createPreviewToken(42, { secret, now: new Date(now.getTime() + 10 * PREVIEW_TOKEN_TTL_MS) });
    expect(verifyPreviewToken(token, 42, at(0))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of [undefined, null, 42, '', 'abc', '123', '123.', '.abc', `1.${'a'.repeat(300)}`, ['1.x'], '1.2.3']) {
      expect(verifyPreviewToken(bad, 42, at(0))).toEqual({ ok: false, reason: 'invalid' });
    }
    const { token } = createPreviewToken(42, { secret, now });
    expect(verifyPreviewToken(token, 0, at(0))).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyPreviewToken(token, Number.NaN, at(0))).toEqual({ ok: false, reason: 'invalid' });
    expect(() => createPreviewToken(-1, { secret })).toThrow();
  });

  it('builds the preview address with the token encoded', () => {
    expect(previewPath(7)).toBe('/preview/7');
    expect(previewPath(7, '1.a_b-c')).toBe('/preview/7?token=1.a_b-c');
  });
});

describe('the secret', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-preview-'));
  const saved = { dataDir: process.env.GAZETTE_DATA_DIR, secret: process.env.AUTH_SECRET };
  afterAll(() => {
    process.env.GAZETTE_DATA_DIR = saved.dataDir;
    process.env.AUTH_SECRET = saved.secret;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is the server's auth secret when none is passed", () => {
    process.env.AUTH_SECRET = 'the-server-secret';
    const { token } = createPreviewToken(5);
    expect(verifyPreviewToken(token, 5, { secret: 'the-server-secret' })).toMatchObject({ ok: true });
    process.env.AUTH_SECRET = 'rotated';
    expect(verifyPreviewToken(token, 5)).toEqual({ ok: false, reason: 'invalid' });
  });
});
