import { describe, expect, it } from 'vitest';
import {
  buildBreadcrumbList,
  buildCollectionPage,
  buildNewsArticle,
  buildProfilePage,
  buildWebSite,
  serializeJsonLd,
  type NewsArticleInput,
  type PublisherInfo,
} from './structured-data';

const publisher: PublisherInfo = {
  name: 'The Gazette',
  url: 'https://gazette.test',
  logo: { url: 'https://gazette.test/logo.png', width: 600, height: 60 },
};

const article: NewsArticleInput = {
  url: 'https://gazette.test/city/bridge-reopens',
  headline: 'Bridge reopens',
  description: 'Traffic returns after a year.',
  images: ['a-16x9', 'a-4x3', 'a-1x1'].map((n) => `https://gazette.test/media-crop/${n}.jpg`),
  // 12:05 UTC in winter is 14:05 in Kyiv (+02:00).
  datePublished: new Date('2026-11-26T12:05:00Z'),
  dateModified: new Date('2026-07-01T09:00:00Z'),
  timeZone: 'Europe/Kyiv',
  authors: [
    { name: 'Ada Reyes', url: 'https://gazette.test/author/ada-reyes', kind: 'person', jobTitle: 'City reporter' },
    { name: 'The news desk', url: 'https://gazette.test/author/news-desk', kind: 'desk' },
  ],
  section: 'City',
  keywords: ['Transport', 'Bridges'],
  corrections: [{ at: '2026-11-26T13:00:00Z', text: 'An earlier version misnamed the bridge.' }],
  video: null,
};

describe('buildNewsArticle', () => {
  it('carries what Google requires and recommends, dates with the newsroom offset', () => {
    const ld = buildNewsArticle(article, publisher);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Bridge reopens');
    expect(ld.image).toHaveLength(3);
    expect(ld.datePublished).toBe('2026-11-26T14:05:00+02:00');
    // Summer time in Kyiv is +03:00.
    expect(ld.dateModified).toBe('2026-07-01T12:00:00+03:00');
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': article.url });
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Ada Reyes', url: 'https://gazette.test/author/ada-reyes', jobTitle: 'City reporter' },
      { '@type': 'Organization', name: 'The news desk', url: 'https://gazette.test/author/news-desk' },
    ]);
    expect(ld.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      name: 'The Gazette',
      logo: { '@type': 'ImageObject', url: 'https://gazette.test/logo.png' },
    });
    expect(ld.articleSection).toBe('City');
    expect(ld.keywords).toEqual(['Transport', 'Bridges']);
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version misnamed the bridge.', datePublished: '2026-11-26T15:00:00+02:00' },
    ]);
    expect(ld).not.toHaveProperty('video');
  });

  it('describes an embedded video', () => {
    const ld = buildNewsArticle(
      {
        ...article,
        video: {
          name: 'The bridge from above',
          description: 'Drone footage.',
          thumbnailUrl: ['https://gazette.test/t.jpg'],
          uploadDate: new Date('2026-11-26T12:05:00Z'),
          embedUrl: 'https://www.youtube-nocookie.com/embed/abc',
          contentUrl: 'https://www.youtube.com/watch?v=abc',
        },
      },
      publisher,
    );
    expect(ld.video).toEqual({
      '@type': 'VideoObject',
      name: 'The bridge from above',
      description: 'Drone footage.',
      thumbnailUrl: ['https://gazette.test/t.jpg'],
      uploadDate: '2026-11-26T14:05:00+02:00',
      embedUrl: 'https://www.youtube-nocookie.com/embed/abc',
      contentUrl: 'https://www.youtube.com/watch?v=abc',
    });
  });
});

describe('page-level builders', () => {
  it('numbers breadcrumb items from 1', () => {
    const ld = buildBreadcrumbList([
      { name: 'Home', url: 'https://gazette.test/' },
      { name: 'City', url: 'https://gazette.test/city' },
    ]);
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://gazette.test/' },
      { '@type': 'ListItem', position: 2, name: 'City', item: 'https://gazette.test/city' },
    ]);
  });

  it('gives the home page a search action', () => {
    const ld = buildWebSite(publisher);
    expect(ld.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://gazette.test/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });

  it('makes a desk byline an organization on its profile page', () => {
    const ld = buildProfilePage(
      { name: 'The news desk', url: 'https://gazette.test/author/news-desk', kind: 'desk', description: 'Duty editors.' },
      { url: 'https://gazette.test/author/news-desk', publisher },
    );
    expect(ld['@type']).toBe('ProfilePage');
    expect(ld.mainEntity).toMatchObject({ '@type': 'Organization', name: 'The news desk', description: 'Duty editors.' });
  });

  it('lists a collection page’s articles', () => {
    const ld = buildCollectionPage({
      url: 'https://gazette.test/tag/bridges',
      name: 'Bridges',
      description: '',
      items: [{ url: 'https://gazette.test/city/a', name: 'A' }],
      publisher,
    });
    expect(ld).not.toHaveProperty('description');
    expect(ld.mainEntity).toEqual({
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, url: 'https://gazette.test/city/a', name: 'A' }],
    });
  });
});

describe('serializeJsonLd', () => {
  it('leaves no way to close the script element, and round-trips', () => {
    const data = { headline: 'x</script><script>alert(1)</script> & <!-- \u2028\u2029' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(data);
  });
});
