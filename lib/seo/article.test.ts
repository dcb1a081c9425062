import { describe, expect, it } from 'vitest';
import type { ArticlePage } from '@/db/queries/articles';
import type { LiveCoverageView } from '@/db/queries/live';
import { articleImages, articleVideo, buildArticleJsonLd, buildArticleMetadata, decideArticleTitle } from './article';

const article = {
  id: 1,
  url: '/city/bridge-reopens-2',
  slug: 'bridge-reopens-2',
  title: 'Bridge reopens',
  dek: 'Traffic returns.',
  kind: 'news',
  section: { id: 1, name: 'City', slug: 'city' },
  publishedAt: '2026-11-26T22:30:00.000Z',
  updatedAt: '2026-11-26T22:30:00.000Z',
  wordCount: 100,
  readingMinutes: 1,
  body: { type: 'doc', content: [{ type: 'video', attrs: { provider: 'vimeo', videoId: '123456789', title: 'From above' } }] },
  media: {},
  hero: { src: '/media/seed/hero.jpg', width: 1600, height: 900, alt: 'The bridge', caption: '', credit: '' },
  bylines: [],
  kicker: '',
  tags: [{ id: 1, name: 'Bridges', slug: 'bridges' }],
  videoUrl: null,
  seoTitle: null,
  seoDescription: null,
  corrections: [],
} satisfies ArticlePage;

describe('article SEO', () => {
  it('dates a repeated headline in the newsroom zone, and keeps an editor’s SEO title', () => {
    // 22:30 UTC is already November 27 in Kyiv.
    expect(decideArticleTitle(article, 'Europe/Kyiv')).toBe('Bridge reopens (November 27, 2026)');
    expect(decideArticleTitle({ ...article, slug: 'bridge-reopens' }, 'Europe/Kyiv')).toBe('Bridge reopens');
    expect(decideArticleTitle({ ...article, seoTitle: 'Bridge: reopened' }, 'Europe/Kyiv')).toBe('Bridge: reopened');
  });

  it('offers three hero crops and the video with its thumbnail', () => {
    expect(articleImages(article, 'https://g.test')).toEqual([
      'https://g.test/media-crop/16x9/seed/hero.jpg?w=1200',
      'https://g.test/media-crop/4x3/seed/hero.jpg?w=1200',
      'https://g.test/media-crop/1x1/seed/hero.jpg?w=1200',
    ]);
    expect(articleVideo(article, 'https://g.test')).toMatchObject({
      name: 'From above',
      thumbnailUrl: ['https://g.test/media-crop/16x9/seed/hero.jpg?w=1200'],
      embedUrl: 'https://player.vimeo.com/video/123456789',
      contentUrl: 'https://vimeo.com/123456789',
    });
    expect(articleImages({ hero: null }, 'https://g.test')).toEqual([]);
  });

  it('describes the article for Open Graph with offsets and the 1200×630 crop', () => {
    const meta = buildArticleMetadata(article, { siteUrl: 'https://g.test', siteName: 'The Gazette', timeZone: 'Europe/Kyiv' });
    expect(meta.alternates?.canonical).toBe('https://g.test/city/bridge-reopens-2');
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2026-11-27T00:30:00+02:00',
      section: 'City',
      tags: ['Bridges'],
      images: [{ url: 'https://g.test/media-crop/og/seed/hero.jpg?w=1200', width: 1200, height: 630 }],
    });
  });
});

describe('a live story for crawlers', () => {
  const live: LiveCoverageView = {
    state: 'live',
    startedAt: '2026-11-27T06:00:00.000Z',
    endedAt: null,
    keyPoints: ['Bridge shut'],
    modifiedAt: '2026-11-27T09:15:00.000Z',
    media: { 4: { id: 4, src: '/media/seed/river.jpg', width: 800, height: 600, alt: 'River', caption: '', credit: '' } },
    updates: [
      {
        id: 12,
        title: '',
        doc: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 4 } }] },
        text: 'The water is at the second step.',
        pinned: false,
        createdAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:15:00.000Z',
        author: { name: 'Ann Author', slug: 'ann-author', kind: 'person' },
      },
    ],
  };
  const context = { siteUrl: 'https://g.test', siteName: 'The Gazette', timeZone: 'Europe/Kyiv' };

  it('is a LiveBlogPosting with the article’s properties, the coverage’s start and each update at its permalink', () => {
    const [main] = buildArticleJsonLd(article, context, live);
    expect(main).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: 'Bridge reopens',
      url: 'https://g.test/city/bridge-reopens-2',
      datePublished: '2026-11-27T00:30:00+02:00',
      // The latest update's edit is the page's latest change.
      dateModified: '2026-11-27T11:15:00+02:00',
      coverageStartTime: '2026-11-27T08:00:00+02:00',
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          '@id': 'https://g.test/city/bridge-reopens-2#update-12',
          url: 'https://g.test/city/bridge-reopens-2#update-12',
          headline: 'The water is at the second step.',
          articleBody: 'The water is at the second step.',
          datePublished: '2026-11-27T11:00:00+02:00',
          dateModified: '2026-11-27T11:15:00+02:00',
          author: { '@type': 'Person', name: 'Ann Author', url: 'https://g.test/author/ann-author' },
          image: 'https://g.test/media/seed/river.jpg',
        },
      ],
    });
    expect(main).not.toHaveProperty('coverageEndTime');
    expect(main).toHaveProperty('publisher');
  });

  it('names when the coverage ended, and stays a NewsArticle without coverage', () => {
    const [ended] = buildArticleJsonLd(article, context, { ...live, state: 'ended', endedAt: '2026-11-27T12:00:00.000Z' });
    expect(ended).toMatchObject({ '@type': 'LiveBlogPosting', coverageEndTime: '2026-11-27T14:00:00+02:00' });
    expect(buildArticleJsonLd(article, context, null)[0]!['@type']).toBe('NewsArticle');
  });
});
