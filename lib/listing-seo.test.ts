import { describe, expect, it } from 'vitest';
import { buildListingMetadata } from './listing-seo';

describe('buildListingMetadata', () => {
  it('gives an absolute canonical, the social card and both feeds', () => {
    const meta = buildListingMetadata({
      siteUrl: 'https://gazette.test',
      siteName: 'The Gazette',
      path: '/city',
      title: 'City',
      description: 'City news.',
      image: '/social-card/section/city',
      feeds: [{ title: 'City — The Gazette', path: '/city/rss.xml' }],
    });
    expect(meta.alternates?.canonical).toBe('https://gazette.test/city');
    expect(meta.alternates?.types).toEqual({
      'application/rss+xml': [
        { title: 'City — The Gazette', url: '/city/rss.xml' },
        { title: 'The Gazette', url: '/rss.xml' },
      ],
    });
    expect(meta.openGraph).toMatchObject({
      type: 'website',
      images: [{ url: 'https://gazette.test/social-card/section/city', width: 1200, height: 630 }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('leaves the title to the layout default on the home page', () => {
    const meta = buildListingMetadata({
      siteUrl: 'https://gazette.test',
      siteName: 'The Gazette',
      path: '/',
      title: null,
      description: 'News.',
      image: '/social-card/home',
    });
    expect(meta).not.toHaveProperty('title');
    expect(meta.alternates?.canonical).toBe('https://gazette.test/');
  });
});
