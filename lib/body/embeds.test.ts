import { describe, expect, it } from 'vitest';
import {
  checkAudio,
  checkDocument,
  checkGallery,
  checkSocialPost,
  checkTable,
  formatBytes,
  formatDuration,
  recognisePostUrl,
  socialEmbedUrl,
} from './embeds';
import { sanitizeBody } from './sanitize';
import { bodyProblems } from './validate';

const post = (over: Record<string, unknown> = {}) => ({
  provider: 'x',
  url: 'https://x.com/citydesk/status/1234567890',
  authorName: 'City Desk',
  handle: '@citydesk',
  text: 'The bridge reopens at noon.',
  ...over,
});

describe('recognisePostUrl', () => {
  it.each([
    ['https://twitter.com/citydesk/status/123?s=20', 'x', 'https://x.com/citydesk/status/123'],
    ['x.com/citydesk/status/123/photo/1', 'x', 'https://x.com/citydesk/status/123'],
    ['https://t.me/citynews/4521', 'telegram', 'https://t.me/citynews/4521'],
    ['https://t.me/s/citynews/4521', 'telegram', 'https://t.me/citynews/4521'],
    ['https://www.instagram.com/p/Cx1_abcDE/?igsh=xyz', 'instagram', 'https://www.instagram.com/p/Cx1_abcDE/'],
    ['https://instagram.com/someone/reel/Cx1_abcDE', 'instagram', 'https://www.instagram.com/reel/Cx1_abcDE/'],
    ['https://www.facebook.com/CityHall/posts/pfbid02abc', 'facebook', 'https://www.facebook.com/CityHall/posts/pfbid02abc'],
    ['https://m.facebook.com/permalink.php?story_fbid=998&id=1234&x=<b>', 'facebook', 'https://www.facebook.com/permalink.php?story_fbid=998&id=1234'],
    ['https://www.tiktok.com/@city.news/video/7312345678901234567?lang=en', 'tiktok', 'https://www.tiktok.com/@city.news/video/7312345678901234567'],
    ['https://bsky.app/profile/City.bsky.social/post/3kabc2def3ghi', 'bluesky', 'https://bsky.app/profile/city.bsky.social/post/3kabc2def3ghi'],
    ['https://mastodon.social/@citydesk/111222333444', 'mastodon', 'https://mastodon.social/@citydesk/111222333444'],
    ['https://social.example.org/@desk@other.example/42', 'mastodon', 'https://social.example.org/@desk@other.example/42'],
  ])('recognises %s', (input, provider, url) => {
    expect(recognisePostUrl(input)).toMatchObject({ provider, url });
  });

  it.each([
    'javascript:alert(1)',
    'http://x.com/citydesk/status/123',
    'https://x.com.evil.example/citydesk/status/123',
    'https://user:pw@x.com/citydesk/status/123',
    'https://x.com:8443/citydesk/status/123',
    'https://x.com/citydesk',
    'https://x.com/citydesk/status/abc',
    'https://t.me/citynews',
    'https://www.instagram.com/citydesk/',
    'https://www.facebook.com/CityHall',
    'https://www.tiktok.com/@city/live',
    'https://bsky.app/profile/city.bsky.social',
    'https://mastodon.social/@citydesk',
    'https://localhost/@citydesk/1',
    'https://127.0.0.1/@citydesk/1',
    'https://x.com/citydesk/status/1 23',
    'https://x.com/citydesk\\status/123',
    '',
    42,
  ])('refuses %j', (input) => {
    expect(recognisePostUrl(input)).toBeNull();
  });
});

describe('checkSocialPost', () => {
  it('keeps a post with its canonical address and plain text', () => {
    const result = checkSocialPost(post({ url: 'https://twitter.com/citydesk/status/1234567890?ref=<script>', postedAt: '2026-11-30', onclick: 'x' }));
    expect(result).toEqual({
      ok: true,
      node: {
        type: 'socialPost',
        attrs: {
          provider: 'x',
          url: 'https://x.com/citydesk/status/1234567890',
          authorName: 'City Desk',
          handle: '@citydesk',
          text: 'The bridge reopens at noon.',
          postedAt: '2026-11-30',
        },
      },
    });
  });

  it.each([
    [{ provider: 'myspace' }, /provider must be one of/],
    [{ provider: 'telegram' }, /is a X post, not a Telegram post/],
    [{ url: 'https://x.com/citydesk' }, /not a X post \(expected x\.com\/<user>\/status\/<number>\)/],
    [{ text: '   ' }, /paste the post's text/],
    [{ text: 'a'.repeat(5001) }, /longer than 5000/],
    [{ authorName: undefined }, /give the post's author/],
    [{ postedAt: 'yesterday' }, /not a date/],
    [{ postedAt: '2026-02-30' }, /not a date/],
  ])('refuses %j', (over, message) => {
    const result = checkSocialPost(post(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('keeps markup as the text it is, never as markup', () => {
    const result = checkSocialPost(post({ text: '<img src=x onerror=alert(1)>' }));
    expect(result.ok && result.node.attrs.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('socialEmbedUrl', () => {
  it.each([
    ['x', 'https://x.com/a/status/5', 'https://platform.twitter.com/embed/Tweet.html?id=5&dnt=true'],
    ['telegram', 'https://t.me/citynews/7', 'https://t.me/citynews/7?embed=1'],
    ['instagram', 'https://www.instagram.com/p/Cx1_abcDE/', 'https://www.instagram.com/p/Cx1_abcDE/embed/'],
    ['tiktok', 'https://www.tiktok.com/@a/video/99', 'https://www.tiktok.com/embed/v2/99'],
    ['bluesky', 'https://bsky.app/profile/a.bsky.social/post/3k', 'https://embed.bsky.app/embed/a.bsky.social/app.bsky.feed.post/3k'],
    ['mastodon', 'https://mastodon.social/@a/1', null],
  ] as const)('%s', (provider, url, embed) => {
    expect(socialEmbedUrl(provider, url)).toBe(embed);
  });

  it('facebook gets the plugin with the post address encoded', () => {
    expect(socialEmbedUrl('facebook', 'https://www.facebook.com/CityHall/posts/1')).toBe(
      'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FCityHall%2Fposts%2F1&show_text=true',
    );
  });
});

describe('checkGallery', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ mediaId: i + 1, caption: `Caption ${i + 1}`, credit: 'Desk' }));

  it('keeps 2 to 30 library images with captions and credits', () => {
    const result = checkGallery({ items: [...items(2).map((item) => ({ ...item, style: 'x' }))] });
    expect(result).toEqual({ ok: true, node: { type: 'gallery', attrs: { items: items(2) } } });
    expect(checkGallery({ items: items(30) }).ok).toBe(true);
  });

  it.each([
    [{ items: items(1) }, /2 to 30 images; this one has 1/],
    [{ items: items(31) }, /this one has 31/],
    [{ items: 'no' }, /2 to 30 images/],
    [{ items: [{ mediaId: 1 }, { mediaId: -2 }] }, /image 2 is not an image from the library/],
    [{ items: [{ mediaId: 1 }, { mediaId: '2' }] }, /image 2 is not/],
    [{ items: [{ mediaId: 1, caption: 'x'.repeat(1001) }, { mediaId: 2 }] }, /caption of image 1 is longer/],
  ])('refuses %#', (attrs, message) => {
    const result = checkGallery(attrs);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('checkTable', () => {
  it('keeps plain-text cells, a header row and a caption', () => {
    expect(checkTable({ headerRow: true, caption: ' Results ', rows: [['Ward', 'Votes'], ['North', 1200], ['South', null]] })).toEqual({
      ok: true,
      node: { type: 'table', attrs: { headerRow: true, caption: 'Results', rows: [['Ward', 'Votes'], ['North', '1200'], ['South', '']] } },
    });
  });

  it.each([
    [{ rows: [] }, /at least one row/],
    [{ rows: [[]] }, /at least one column/],
    [{ rows: [['a', 'b'], ['c']] }, /row 2 has 1 cells; the table has 2 columns/],
    [{ rows: [['a', { html: '<b>' }]] }, /row 1, column 2 is not plain text/],
    [{ rows: [['', '']] }, /empty/],
    [{ rows: [Array(11).fill('x')] }, /at most 10 columns/],
    [{ rows: Array(61).fill(['x']) }, /at most 60 rows/],
  ])('refuses %#', (attrs, message) => {
    const result = checkTable(attrs);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('checkDocument and checkAudio', () => {
  it('keeps a library document or an https one', () => {
    expect(checkDocument({ mediaId: 4, title: 'Budget 2027', size: 1258291, pages: 48 })).toEqual({
      ok: true,
      node: { type: 'document', attrs: { mediaId: 4, title: 'Budget 2027', size: 1258291, pages: 48 } },
    });
    expect(checkDocument({ url: 'https://city.example.gov/budget.pdf#p=2', title: 'Budget', description: 'The full text' })).toEqual({
      ok: true,
      node: { type: 'document', attrs: { url: 'https://city.example.gov/budget.pdf', title: 'Budget', description: 'The full text' } },
    });
  });

  it.each([
    [{ title: 'x' }, /https address/],
    [{ url: 'http://city.example/a.pdf', title: 'x' }, /https:\/\//],
    [{ url: 'javascript:alert(1)', title: 'x' }, /https:\/\//],
    [{ url: 'https://city.example/a.pdf', mediaId: 3, title: 'x' }, /not both/],
    [{ url: 'https://city.example/a.pdf' }, /title/],
    [{ url: 'https://city.example/a.pdf', title: 'x', size: -1 }, /size/],
  ])('refuses document %#', (attrs, message) => {
    const result = checkDocument(attrs);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('keeps audio from the library or an mp3, m4a or ogg address', () => {
    expect(checkAudio({ src: 'https://cdn.example.com/ep1.MP3', title: 'Episode 1', duration: 1805 })).toEqual({
      ok: true,
      node: { type: 'audio', attrs: { src: 'https://cdn.example.com/ep1.MP3', title: 'Episode 1', duration: 1805 } },
    });
    expect(checkAudio({ mediaId: 9, title: 'Episode 2' }).ok).toBe(true);
  });

  it.each([
    [{ src: 'https://cdn.example.com/ep1.wav', title: 'x' }, /MP3, M4A or OGG/],
    [{ src: 'https://cdn.example.com/ep1', title: 'x' }, /MP3, M4A or OGG/],
    [{ src: 'data:audio/mp3;base64,AAAA', title: 'x' }, /https/],
    [{ src: 'https://cdn.example.com/ep1.mp3' }, /title/],
    [{ src: 'https://cdn.example.com/ep1.mp3', title: 'x', duration: 1.5 }, /duration/],
  ])('refuses audio %#', (attrs, message) => {
    const result = checkAudio(attrs);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('body documents with embeds', () => {
  const good = [
    { type: 'socialPost', attrs: post() },
    { type: 'gallery', attrs: { items: [{ mediaId: 1 }, { mediaId: 2 }] } },
    { type: 'table', attrs: { headerRow: false, rows: [['a']] } },
    { type: 'document', attrs: { url: 'https://city.example/a.pdf', title: 'A' } },
    { type: 'audio', attrs: { src: 'https://city.example/a.mp3', title: 'A' } },
  ];

  it('sanitizeBody keeps valid embeds and drops invalid ones', () => {
    const bad = { type: 'socialPost', attrs: post({ url: 'https://evil.example/x' }) };
    expect(sanitizeBody({ type: 'doc', content: [...good, bad] }).content.map((n) => n.type)).toEqual([
      'socialPost',
      'gallery',
      'table',
      'document',
      'audio',
    ]);
  });

  it('bodyProblems names each bad node the way the editor sees it', () => {
    expect(bodyProblems({ type: 'doc', content: good })).toEqual([]);
    const problems = bodyProblems({
      type: 'doc',
      content: [
        ...good,
        { type: 'socialPost', attrs: post({ provider: 'telegram' }) },
        { type: 'gallery', attrs: { items: [{ mediaId: 1 }] } },
        { type: 'blockquote', content: [{ type: 'table', attrs: { rows: [['a']] } }] },
      ],
    });
    expect(problems).toEqual([
      'Embedded post 2: the address is a X post, not a Telegram post.',
      'Gallery 2: a gallery needs 2 to 30 images; this one has 1.',
      'Table 2: move it out of the quote or list it sits in.',
    ]);
  });
});

describe('formatting', () => {
  it.each([
    [900, '900 B'],
    [2048, '2 KB'],
    [1258291, '1.2 MB'],
    [52428800, '50 MB'],
  ])('formatBytes(%d)', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
  it.each([
    [65, '1:05'],
    [3723, '1:02:03'],
  ])('formatDuration(%d)', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
