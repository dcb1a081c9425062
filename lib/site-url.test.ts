import { afterEach, describe, expect, it } from 'vitest';
import { absoluteUrl, getSiteUrl } from './site-url';

describe('site url', () => {
  const saved = process.env.SITE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = saved;
  });

  it('defaults to localhost:3000 and drops any path or trailing slash', () => {
    delete process.env.SITE_URL;
    expect(getSiteUrl()).toBe('http://localhost:3000');
    process.env.SITE_URL = 'https://news.example.com/';
    expect(getSiteUrl()).toBe('https://news.example.com');
    process.env.SITE_URL = 'not a url';
    expect(getSiteUrl()).toBe('http://localhost:3000');
  });

  it('makes paths absolute and keeps absolute URLs', () => {
    expect(absoluteUrl('/news/a', 'https://x.test')).toBe('https://x.test/news/a');
    expect(absoluteUrl('news/a', 'https://x.test')).toBe('https://x.test/news/a');
    expect(absoluteUrl('https://vimeo.com/1', 'https://x.test')).toBe('https://vimeo.com/1');
  });
});
