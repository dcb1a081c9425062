import { describe, expect, it } from 'vitest';
import { decideAfterSignIn } from './safe-redirect';

describe('decideAfterSignIn', () => {
  it('returns to the newsroom page asked for', () => {
    expect(decideAfterSignIn('/admin/users')).toBe('/admin/users');
    expect(decideAfterSignIn('/admin?x=1')).toBe('/admin?x=1');
  });

  it('never leaves the newsroom', () => {
    expect(decideAfterSignIn('https://evil.example/admin')).toBe('/admin');
    expect(decideAfterSignIn('//evil.example')).toBe('/admin');
    expect(decideAfterSignIn('/administration')).toBe('/admin');
    expect(decideAfterSignIn('/admin\\@evil')).toBe('/admin');
    expect(decideAfterSignIn(null)).toBe('/admin');
  });
});
