import { describe, expect, it } from 'vitest';
import { isReservedSlug, isValidSlug, slugify } from './slug';

describe('slugify', () => {
  it('makes lowercase hyphenated words', () => {
    expect(slugify('City Council Approves Night-Bus Pilot')).toBe('city-council-approves-night-bus-pilot');
  });

  it('folds diacritics and drops punctuation', () => {
    expect(slugify('Café “Zoë” reopens — at last!')).toBe('cafe-zoe-reopens-at-last');
    expect(slugify("Mayor's plan: 5 things & more")).toBe('mayors-plan-5-things-and-more');
  });

  it('trims hyphens and collapses separators', () => {
    expect(slugify('  --Hello   world--  ')).toBe('hello-world');
  });

  it('gives an empty slug for text with no Latin letters or digits', () => {
    expect(slugify('Київ')).toBe('');
    expect(slugify('🎉🎉')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(50), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });
});

describe('isReservedSlug', () => {
  it('refuses route names and file-like names', () => {
    for (const slug of ['admin', 'api', 'tag', 'author', 'search', 'login', 'preview', 'media', 'withdrawn', 'rss.xml', 'favicon.ico', '_next']) {
      expect(isReservedSlug(slug), slug).toBe(true);
    }
  });

  it('allows ordinary section names', () => {
    expect(isReservedSlug('politics')).toBe(false);
    expect(isReservedSlug('news-feed')).toBe(false);
  });
});

describe('isValidSlug', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    expect(isValidSlug('night-bus-2026')).toBe(true);
  });

  it('refuses empty, uppercase, doubled or edge hyphens and other characters', () => {
    for (const slug of ['', 'Night', 'a--b', '-a', 'a-', 'a b', 'a/b', 'é']) {
      expect(isValidSlug(slug), slug).toBe(false);
    }
  });
});

describe('isReservedSlug for crawler routes', () => {
  it('keeps sitemaps, feeds, crops and social cards from being shadowed by a section', () => {
    for (const slug of ['sitemaps', 'news-sitemap', 'rss', 'media-crop', 'social-card', 'sitemap.xml', 'robots.txt']) {
      expect(isReservedSlug(slug), slug).toBe(true);
    }
  });
});
