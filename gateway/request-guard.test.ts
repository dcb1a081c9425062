import { describe, expect, it } from 'vitest';
import { decideClientAddress, decideRefusal, isCleanPath, isOwnOrigin, normalizeForwarding, trustedProxyHops } from './request-guard.mjs';

describe('trustedProxyHops', () => {
  it('reads a count, true, or nothing', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('')).toBe(0);
    expect(trustedProxyHops('true')).toBe(1);
    expect(trustedProxyHops('2')).toBe(2);
    expect(trustedProxyHops('nonsense')).toBe(0);
  });
});

describe('isCleanPath', () => {
  it('accepts ordinary paths and escapes of ordinary characters', () => {
    for (const path of ['/', '/city', '/city/night-buses', '/search', '/tag/caf%C3%A9', '/media/2026/01/a%20b.jpg']) expect(isCleanPath(path), path).toBe(true);
  });

  it('refuses broken percent-encoding', () => {
    for (const path of ['/%ff', '/city/%ff%fe', '/media/%ff.jpg', '/api/admin/articles/%ff', '/%', '/%zz', '/city/%E0%A4%A']) expect(isCleanPath(path), path).toBe(false);
  });

  it('refuses separators, backslashes and control characters hidden in escapes', () => {
    for (const path of ['/city/a%2f..%2fb', '/city/a%2F..%2Fb', '/city/%5cevil', '/city/a%00b', '/city/%0d%0aSet-Cookie:x']) expect(isCleanPath(path), path).toBe(false);
  });

  it('refuses what is not a path', () => {
    expect(isCleanPath('http://evil.example/')).toBe(false);
    expect(isCleanPath('*')).toBe(false);
  });
});

describe('decideRefusal', () => {
  const options = { trustedProxyHops: 0 };

  it('lets the query string through: only the path is checked', () => {
    expect(decideRefusal({ method: 'GET', url: '/search?q=%ff', headers: {} }, options)).toBeNull();
  });

  it('answers 400 for a bad path, whatever the method', () => {
    expect(decideRefusal({ method: 'GET', url: '/%ff', headers: {} }, options)?.status).toBe(400);
    expect(decideRefusal({ method: 'POST', url: '/api/admin/articles/%ff', headers: {} }, options)?.status).toBe(400);
  });

  it('answers 403 for a server action from another site or with no origin, and lets our own through', () => {
    const action = (headers: Record<string, string>) => decideRefusal({ method: 'POST', url: '/admin/users', headers: { 'next-action': 'abc', host: 'news.example', ...headers } }, options);
    expect(action({ origin: 'https://evil.example' })?.status).toBe(403);
    expect(action({})?.status).toBe(403);
    expect(action({ origin: 'null' })?.status).toBe(403);
    expect(action({ origin: 'https://news.example' })).toBeNull();
    // A plain POST without the action header is the route's own business.
    expect(decideRefusal({ method: 'POST', url: '/api/views', headers: { origin: 'https://evil.example' } }, options)).toBeNull();
  });
});

describe('isOwnOrigin', () => {
  it('counts a forwarded host only when a proxy is trusted', () => {
    const headers = { origin: 'https://evil.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' };
    expect(isOwnOrigin(headers, 0)).toBe(false);
    expect(isOwnOrigin(headers, 1)).toBe(true);
  });
});

describe('normalizeForwarding', () => {
  it('with no trusted proxy, drops what the client claims and records the socket address', () => {
    const req = {
      headers: { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-real-ip': '5.6.7.8', forwarded: 'for=9.9.9.9', host: 'news.example' } as Record<string, string | undefined>,
      socket: { remoteAddress: '::ffff:198.51.100.7' },
    };
    normalizeForwarding(req, { trustedProxyHops: 0 });
    expect(req.headers).toEqual({ 'x-forwarded-for': '198.51.100.7', host: 'news.example' });
  });

  it('behind a trusted proxy, leaves its headers as they came', () => {
    const headers = { 'x-forwarded-for': '203.0.113.5', 'x-forwarded-proto': 'https' };
    const req = { headers: { ...headers }, socket: { remoteAddress: '127.0.0.1' } };
    normalizeForwarding(req, { trustedProxyHops: 1 });
    expect(req.headers).toEqual(headers);
  });
});

describe('decideClientAddress', () => {
  it('takes the socket address Next.js recorded when there is no proxy', () => {
    expect(decideClientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(decideClientAddress('203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('behind N trusted proxies, takes the entry the outermost proxy saw', () => {
    expect(decideClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 1)).toBe('10.0.0.2');
    expect(decideClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    expect(decideClientAddress('198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('gives null for nothing or garbage', () => {
    expect(decideClientAddress(null, 0)).toBeNull();
    expect(decideClientAddress('', 1)).toBeNull();
    expect(decideClientAddress('<script>', 0)).toBeNull();
  });
});
