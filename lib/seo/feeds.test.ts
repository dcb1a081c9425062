import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { absolutizeHtmlUrls, buildRssFeed, escapeFeedText, type FeedEntry } from './feeds';

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
    expect(item?.title).toBe('Bridge &lt;reopens&gt; &#38; more');
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

// What a feed reader does with a title it treats as HTML: decode the entities, show the text.
function readAsHtmlText(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
  return html.replace(/&(?:#(\d+)|(lt|gt|quot|amp));/g, (_, code: string | undefined, name: string | undefined) =>
    code ? String.fromCharCode(Number(code)) : named[name!]!,
  );
}

describe('feed titles and descriptions', () => {
  const hostile = '<script>alert(1)</script> <b>&';
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;&#38;';

  it('escapes markup, ampersands and quotes', () => {
    expect(escapeFeedText(hostile)).toBe(escaped);
    expect(escapeFeedText(`Kyiv's "night" buses`)).toBe('Kyiv&#39;s &quot;night&quot; buses');
    expect(readAsHtmlText(escapeFeedText(`Kyiv's "night" <buses> & &amp;`))).toBe(`Kyiv's "night" <buses> & &amp;`);
  });

  it('are text in the channel and every item; content:encoded stays HTML', async () => {
    const xml = buildRssFeed({ ...channel, title: hostile, description: hostile }, [{ ...entry, title: hostile, description: hostile }]);

    // Channel title and description, the channel image's title, the item's title and description.
    const texts = [...xml.matchAll(/<(title|description)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      expect(text).not.toMatch(/<script|<b>/i);
    }

    const tree = new XMLParser().parse(xml) as {
      rss: { channel: { title: string; description: string; image: { title: string }; item: Record<string, string> } };
    };
    const parsedChannel = tree.rss.channel;
    expect(parsedChannel.title).toBe(escaped);
    expect(parsedChannel.description).toBe(escaped);
    expect(parsedChannel.image.title).toBe(escaped);
    expect(parsedChannel.item.title).toBe(escaped);
    expect(parsedChannel.item.description).toBe(escaped);
    expect(parsedChannel.item['content:encoded']).toContain('<a href="https://gazette.test/city">city</a>');

    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toBe(escaped);
    expect(parsed.description).toBe(escaped);
    expect(parsed.items[0]?.title).toBe(escaped);
    expect(readAsHtmlText(parsed.items[0]!.title!)).toBe(hostile);
    expect(readAsHtmlText(parsed.title!)).toBe(hostile);
  });
});
