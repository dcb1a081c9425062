import { Feed } from 'feed';

// RSS 2.0 feeds through the `feed` library (no string concatenation of XML): full content in
// content:encoded, one dc:creator per byline, categories, the hero image as an enclosure.
// Titles and descriptions are text escaped for readers that show them as HTML.

export const FEED_ITEM_LIMIT = 30;

export const FEED_HEADERS = {
  'Content-Type': 'application/rss+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=86400',
  'X-Content-Type-Options': 'nosniff',
} as const;

export interface FeedEntry {
  url: string;
  title: string;
  description: string;
  contentHtml: string;
  published: Date;
  creators: string[];
  categories: { name: string; url: string }[];
  image: { url: string; type: string } | null;
}

export interface FeedChannel {
  title: string;
  description: string;
  // The page the feed mirrors and the feed's own address, both absolute.
  link: string;
  feedUrl: string;
  siteName: string;
  siteUrl: string;
  imageUrl: string;
}

// Relative links and images in rendered body HTML become absolute: feed readers resolve them
// against the feed's host at best, and often not at all. Attribute values come from React's
// renderer, so they are quoted and escaped.
export function absolutizeHtmlUrls(html: string, siteUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&#38;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Headlines, deks and section names are plain text, but feed readers render <title> and
// <description> as HTML: escaped, markup typed into a headline shows as characters and never
// runs. The ampersand becomes "&#38;", not "&amp;": the library's XML writer turns
// "&amp;" back into "&" in the channel's elements, which would undo the escape there.
export function escapeFeedText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

export function buildRssFeed(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = new Feed({
    title: escapeFeedText(channel.title),
    description: escapeFeedText(channel.description),
    id: channel.link,
    link: channel.link,
    language: 'en',
    image: channel.imageUrl,
    copyright: `© ${channel.siteName}`,
    updated: entries[0]?.published ?? new Date(0),
    generator: false,
    feedLinks: { rss: channel.feedUrl },
    ttl: 5,
  });
  for (const entry of entries) {
    feed.addItem({
      title: escapeFeedText(entry.title),
      id: entry.url,
      guid: entry.url,
      link: entry.url,
      date: entry.published,
      published: entry.published,
      description: escapeFeedText(entry.description),
      // Already HTML, rendered through the body allowlist.
      content: entry.contentHtml,
      category: entry.categories.map((c) => ({ name: c.name, domain: c.url })),
      ...(entry.image ? { image: { url: entry.image.url, type: entry.image.type, length: 0 } } : {}),
      extensions: entry.creators.length
        ? [{ name: 'dc:creator', objects: entry.creators.map((name) => ({ _text: name })) as unknown as Record<string, unknown> }]
        : [],
    });
  }
  // The library declares the dc namespace only alongside content:encoded; every item has content.
  return feed.rss2();
}
