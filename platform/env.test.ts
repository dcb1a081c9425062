import { describe, expect, it } from 'vitest';
import { parseEnvironment, parseServerEnvironment } from './env';

describe('parseEnvironment', () => {
  it('accepts an empty environment: every variable has a default', () => {
    expect(parseEnvironment({})).toEqual({ ok: true, env: expect.any(Object) });
  });

  it('parses good values', () => {
    const result = parseEnvironment({
      PORT: '8080',
      SITE_URL: 'https://news.example.org/',
      GAZETTE_TIME_ZONE: 'America/New_York',
      ADMIN_EMAIL: 'editor@example.org',
      LOG_LEVEL: 'debug',
    });
    expect(result.ok && result.env).toMatchObject({
      PORT: 8080,
      SITE_URL: 'https://news.example.org',
      GAZETTE_TIME_ZONE: 'America/New_York',
      LOG_LEVEL: 'debug',
    });
  });

  it('reads GAZETTE_PURGE_URLS as a list of absolute http(s) URLs, one line when any is bad', () => {
    const good = parseEnvironment({ GAZETTE_PURGE_URLS: 'http://10.0.0.5:6081/, https://purge.example.org/gazette' });
    expect(good.ok && good.env.GAZETTE_PURGE_URLS).toEqual(['http://10.0.0.5:6081/', 'https://purge.example.org/gazette']);
    for (const value of ['varnish:6081', 'http://10.0.0.5:6081/, ftp://cdn.example.org', ' , ', 'a,b']) {
      const bad = parseEnvironment({ GAZETTE_PURGE_URLS: value });
      expect(bad.ok ? [] : bad.errors, value).toEqual([
        `GAZETTE_PURGE_URLS=${JSON.stringify(value)} is invalid: expected comma-separated absolute http(s) URLs such as http://127.0.0.1:6081/`,
      ]);
    }
    const blank = parseEnvironment({ GAZETTE_PURGE_URLS: '' });
    expect(blank.ok && blank.env.GAZETTE_PURGE_URLS).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    const result = parseEnvironment({ PORT: ' ', SITE_URL: '' });
    expect(result.ok && result.env.PORT).toBeUndefined();
  });

  it('names each bad variable and what is expected, one line each', () => {
    const result = parseEnvironment({
      PORT: 'eighty',
      SITE_URL: 'news.example.org',
      GAZETTE_TIME_ZONE: 'Mars/Olympus',
      AUTH_SECRET: 'short',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(5);
    expect(result.errors.find((e) => e.startsWith('PORT='))).toMatch(/whole number between 1 and 65535/);
    expect(result.errors.find((e) => e.startsWith('SITE_URL='))).toMatch(/absolute http\(s\) URL/);
    expect(result.errors.find((e) => e.startsWith('GAZETTE_TIME_ZONE='))).toMatch(/IANA time zone/);
    expect(result.errors.find((e) => e.startsWith('AUTH_SECRET='))).toMatch(/at least 32 characters/);
    for (const line of result.errors) expect(line).not.toContain('\n');
  });

  it('takes a page cache size in whole megabytes, 0 meaning off', () => {
    const off = parseEnvironment({ GAZETTE_PAGE_CACHE_MB: '0' });
    expect(off.ok && off.env.GAZETTE_PAGE_CACHE_MB).toBe(0);
    for (const bad of ['-1', '1.5', 'lots', '5000']) {
      const result = parseEnvironment({ GAZETTE_PAGE_CACHE_MB: bad });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors[0]).toMatch(/^GAZETTE_PAGE_CACHE_MB=.*whole megabytes/);
    }
  });

  it('refuses a port out of range', () => {
    expect(parseEnvironment({ PORT: '70000' }).ok).toBe(false);
    expect(parseEnvironment({ PORT: '0' }).ok).toBe(false);
  });
});

describe('parseServerEnvironment', () => {
  it('refuses a production server without AUTH_SECRET, in one line that names it', () => {
    const result = parseServerEnvironment({ NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^AUTH_SECRET is missing/);
  });

  it('accepts production with a secret, and development without one', () => {
    expect(parseServerEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }).ok).toBe(true);
    expect(parseServerEnvironment({ NODE_ENV: 'development' }).ok).toBe(true);
  });

  it('reports a bad port and the missing secret together', () => {
    const result = parseServerEnvironment({ NODE_ENV: 'production', PORT: 'eighty' });
    expect(result.ok ? [] : result.errors.map((e) => e.split(/[=\s]/)[0])).toEqual(['PORT', 'AUTH_SECRET']);
  });
});
