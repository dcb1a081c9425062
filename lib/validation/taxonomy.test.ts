import { describe, expect, it } from 'vitest';
import { breakingInputSchema, isBannerLink } from './taxonomy';

describe('isBannerLink', () => {
  it('accepts a path on this site and an http(s) address', () => {
    expect(isBannerLink('/news/story')).toBe(true);
    expect(isBannerLink('/news/story?from=banner#live')).toBe(true);
    expect(isBannerLink('https://example.org/x')).toBe(true);
    expect(isBannerLink('http://example.org/x')).toBe(true);
  });

  it('refuses a backslash anywhere: browsers read it as a slash and open another site', () => {
    expect(isBannerLink('/\\evil.example/x')).toBe(false);
    expect(isBannerLink('/\\\\evil')).toBe(false);
    expect(isBannerLink('\\\\evil.example')).toBe(false);
    expect(isBannerLink('\\/evil.example')).toBe(false);
    expect(isBannerLink('/news\\story')).toBe(false);
    expect(isBannerLink('https://example.org\\x')).toBe(false);
  });

  it('refuses protocol-relative links, other schemes, whitespace and control characters', () => {
    expect(isBannerLink('//evil.example')).toBe(false);
    expect(isBannerLink('javascript:alert(1)')).toBe(false);
    expect(isBannerLink('ftp://example.org/x')).toBe(false);
    expect(isBannerLink('/news story')).toBe(false);
    expect(isBannerLink('/\t/evil.example')).toBe(false);
    expect(isBannerLink('/\u0000/evil.example')).toBe(false);
    expect(isBannerLink('/news/\u007Fstory')).toBe(false);
    expect(isBannerLink('https://example.org/\u0085x')).toBe(false);
  });

  it('is the rule the banner form applies', () => {
    const url = (value: string) => breakingInputSchema.safeParse({ text: 'Bridge closed', url: value, expiresAt: '' }).success;
    expect(url('')).toBe(true);
    expect(url('/city/bridge')).toBe(true);
    expect(url('/\\evil.example/x')).toBe(false);
    expect(url('  /\\evil.example/x  ')).toBe(false);
  });
});
