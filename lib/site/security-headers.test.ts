import { describe, expect, it } from 'vitest';
import {
  isPrivatePath,
  privatePageHeaders,
  publicContentSecurityPolicy,
  strictContentSecurityPolicy,
} from './security-headers';

describe('Content-Security-Policy', () => {
  it('public: no nonce (the page is static), own origin only, no plugins', () => {
    const csp = publicContentSecurityPolicy();
    expect(csp).not.toContain('nonce-');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('public: frames only from the video and social post players, no script from them', () => {
    const csp = publicContentSecurityPolicy();
    const frames = /frame-src ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(frames).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
      'https://platform.twitter.com',
      'https://t.me',
      'https://www.instagram.com',
      'https://www.facebook.com',
      'https://www.tiktok.com',
      'https://embed.bsky.app',
    ]);
    expect(csp).toContain("script-src 'self' 'unsafe-inline';");
    expect(csp).toContain("media-src 'self' https:");
  });

  it('newsroom: scripts only with the nonce, never framed, no inline', () => {
    const csp = strictContentSecurityPolicy('abc123');
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(strictContentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'");
  });

  it('private pages are never stored and never indexed', () => {
    const headers = privatePageHeaders('n');
    expect(headers['Cache-Control']).toBe('private, no-store');
    expect(headers['X-Robots-Tag']).toMatch(/noindex/);
  });
});

describe('isPrivatePath', () => {
  it('matches /admin and /login and what lies below, nothing else', () => {
    expect(isPrivatePath('/admin')).toBe(true);
    expect(isPrivatePath('/admin/users')).toBe(true);
    expect(isPrivatePath('/login')).toBe(true);
    expect(isPrivatePath('/login/set-password')).toBe(true);
    expect(isPrivatePath('/administration/story')).toBe(false);
    expect(isPrivatePath('/news/login')).toBe(false);
    expect(isPrivatePath('/')).toBe(false);
  });
});
