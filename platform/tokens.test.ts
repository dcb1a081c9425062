import { describe, expect, it } from 'vitest';
import { generatePassword, generateToken, hashToken, oneTimeLinkPath } from './tokens';

describe('one-time tokens', () => {
  it('are long, random and url-safe', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('are stored as a hash that does not contain the token', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
  });

  it('make a set-password link', () => {
    expect(oneTimeLinkPath('ab_c-d')).toBe('/login/set-password?token=ab_c-d');
  });
});

describe('generatePassword', () => {
  it('makes strong passwords without look-alike letters', () => {
    const p = generatePassword();
    expect(p).toHaveLength(20);
    expect(p).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).not.toBe(p);
  });
});
