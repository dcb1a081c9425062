import { afterEach, describe, expect, it } from 'vitest';
import { absoluteUrl, defaultSiteUrl, getSiteUrl } from './url';

describe('site url', () => {
  const saved = { SITE_URL: process.env.SITE_URL, PORT: process.env.PORT };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('defaults to localhost:3000 and drops any path or trailing slash', () => {
    delete process.env.SITE_URL;
    delete process.env.PORT;
    expect(getSiteUrl()).toBe('http://localhost:3000');
    process.env.SITE_URL = 'https://news.example.com/';
    expect(getSiteUrl()).toBe('https://news.example.com');
    process.env.SITE_URL = 'not a url';
    expect(getSiteUrl()).toBe('http://localhost:3000');
  });

  it('without SITE_URL, follows the port the server listens on', () => {
    delete process.env.SITE_URL;
    process.env.PORT = '3300';
    expect(getSiteUrl()).toBe('http://localhost:3300');
    process.env.SITE_URL = 'https://news.example.com';
    expect(getSiteUrl()).toBe('https://news.example.com');
  });

  it('falls back to 3000 for a port that is not one', () => {
    expect(defaultSiteUrl(undefined)).toBe('http://localhost:3000');
    expect(defaultSiteUrl(' 8080 ')).toBe('http://localhost:8080');
    for (const bad of ['', 'eighty', '0', '70000', '80.5']) expect(defaultSiteUrl(bad), bad).toBe('http://localhost:3000');
  });

  it('makes paths absolute and keeps absolute URLs', () => {
    expect(absoluteUrl('/news/a', 'https://x.test')).toBe('https://x.test/news/a');
    expect(absoluteUrl('news/a', 'https://x.test')).toBe('https://x.test/news/a');
    expect(absoluteUrl('https://vimeo.com/1', 'https://x.test')).toBe('https://vimeo.com/1');
  });
});
