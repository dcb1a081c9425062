import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  articleSitemapCount,
  buildNewsSitemap,
  buildSitemapIndex,
  buildUrlset,
  escapeXml,
  parseArticleSitemapName,
  SITEMAP_MAX_URLS,
} from './sitemaps';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) });

describe('sitemap builders', () => {
  it('splits article sitemaps at 50,000 URLs and parses their names', () => {
    expect(articleSitemapCount(0)).toBe(1);
    expect(articleSitemapCount(50_000)).toBe(1);
    expect(articleSitemapCount(50_001)).toBe(2);
    expect(articleSitemapCount(100_000)).toBe(2);
    expect(parseArticleSitemapName('articles-2.xml')).toBe(2);
    expect(parseArticleSitemapName('articles-0.xml')).toBeNull();
    expect(parseArticleSitemapName('articles-1.xml.gz')).toBeNull();
    expect(parseArticleSitemapName('../articles-1.xml')).toBeNull();
  });

  it('escapes text and drops characters XML forbids', () => {
    expect(escapeXml(`a&b<c>"d'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
  });

  it('writes a urlset with images that parses back', () => {
    const xml = buildUrlset([
      { loc: 'https://x.test/a?b=1&c=2', lastmod: '2026-11-26T14:05:00+02:00', images: ['https://x.test/i.jpg'] },
      { loc: 'https://x.test/b' },
    ]);
    const parsed = parser.parse(xml);
    expect(parsed.urlset.url).toHaveLength(2);
    expect(parsed.urlset.url[0].loc).toBe('https://x.test/a?b=1&c=2');
    expect(parsed.urlset.url[0]['image:image'][0]['image:loc']).toBe('https://x.test/i.jpg');
    expect(parsed.urlset.url[1]).not.toHaveProperty('lastmod');
    expect(() => buildUrlset(Array.from({ length: SITEMAP_MAX_URLS + 1 }, () => ({ loc: 'x' })))).toThrow();
  });

  it('writes an index and a news sitemap', () => {
    const index = parser.parse(buildSitemapIndex([{ loc: 'https://x.test/sitemaps/articles-1.xml', lastmod: '2026-11-26T14:05:00+02:00' }]));
    expect(index.sitemapindex.sitemap[0].loc).toBe('https://x.test/sitemaps/articles-1.xml');
    const news = parser.parse(
      buildNewsSitemap([{ loc: 'https://x.test/a', title: 'Q&A <now>', publicationDate: '2026-11-26T14:05:00+02:00' }], {
        name: 'The Gazette',
        language: 'en',
      }),
    );
    expect(news.urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'The Gazette', 'news:language': 'en' },
      'news:publication_date': '2026-11-26T14:05:00+02:00',
      'news:title': 'Q&A <now>',
    });
  });
});
