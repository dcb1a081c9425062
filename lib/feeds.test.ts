import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { absolutizeHtmlUrls, buildRssFeed, type FeedEntry } from './feeds';

const channel = {
  title: 'City — The Gazette',
  description: 'City news.',
  link: 'https://gazette.test/city',
  feedUrl: 'https://gazette.test/city/rss.xml',
  siteName: 'The Gazette',
  siteUrl: 'https://gazette.test',
  imageUrl: 'https://gazette.test/logo.png',
};

const entry: FeedEntry = {
  url: 'https://gazette.test/city/bridge',
  title: 'Bridge <reopens> & more',
  description: 'Traffic returns.',
  contentHtml: '<p>Hello <a href="https://gazette.test/city">city</a>]]> done</p>',
  published: new Date('2026-11-26T12:05:00Z'),
  creators: ['Ada Reyes', 'The news desk'],
  categories: [{ name: 'City', url: 'https://gazette.test/city' }, { name: 'Bridges', url: 'https://gazette.test/tag/bridges' }],
  image: { url: 'https://gazette.test/media-crop/16x9/seed/a.jpg?w=1200', type: 'image/jpeg' },
};

describe('absolutizeHtmlUrls', () => {
  it('prefixes site-relative href and src only', () => {
    expect(absolutizeHtmlUrls('<a href="/x">x</a><img src="/media/a.jpg"><a href="//cdn/x"></a><a href="https://o/x"></a>', 'https://g.test')).toBe(
      '<a href="https://g.test/x">x</a><img src="https://g.test/media/a.jpg"><a href="//cdn/x"></a><a href="https://o/x"></a>',
    );
  });
});

describe('buildRssFeed', () => {
  it('writes RSS 2.0 a real parser reads: content, creators, categories, enclosure, pubDate', async () => {
    const xml = buildRssFeed(channel, [entry]);
    const parsed = await new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(xml);
    expect(parsed.title).toBe('City — The Gazette');
    expect(parsed.link).toBe('https://gazette.test/city');
    const [item] = parsed.items;
    expect(item?.title).toBe('Bridge <reopens> & more');
    expect(item?.link).toBe('https://gazette.test/city/bridge');
    expect((item as unknown as Record<string, string>)['content:encoded']).toContain('<a href="https://gazette.test/city">city</a>]]> done');
    expect((item as unknown as { creators: string[] }).creators).toEqual(['Ada Reyes', 'The news desk']);
    expect(item?.categories).toEqual([
      { _: 'City', $: { domain: 'https://gazette.test/city' } },
      { _: 'Bridges', $: { domain: 'https://gazette.test/tag/bridges' } },
    ]);
    expect(item?.enclosure).toMatchObject({ url: entry.image!.url, type: 'image/jpeg' });
    expect(new Date(item!.pubDate!).toISOString()).toBe('2026-11-26T12:05:00.000Z');
    expect(xml).toContain('<rss version="2.0"');
  });
});
