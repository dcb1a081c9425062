import { describe, expect, it } from 'vitest';
import { buildFrontSeo, buildListingMetadata, type FrontSubject } from './fronts';

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

describe('buildFrontSeo', () => {
  const site = { siteUrl: 'https://gazette.test', siteName: 'The Gazette' };
  const items = [{ url: '/city/bridge-reopens', title: 'Bridge reopens' }];
  const city: FrontSubject = { kind: 'section', slug: 'city', name: 'City', description: 'Kyiv, street by street.' };
  const transit: FrontSubject = { kind: 'tag', slug: 'transit', name: 'Transit', description: '' };
  const bondar: FrontSubject = {
    kind: 'author',
    slug: 'iryna-bondar',
    name: 'Iryna Bondar',
    description: '',
    byline: { kind: 'person', jobTitle: 'City reporter', avatar: '/media/bondar.jpg' },
  };
  const ofType = (jsonLd: { '@type': unknown }[], type: string) => jsonLd.find((ld) => ld['@type'] === type);

  for (const subject of [city, transit, bondar]) {
    it(`gives page 1 and page 3 of the ${subject.kind} front the same description, card and JSON-LD types`, () => {
      const first = buildFrontSeo({ ...site, subject, page: 1, items });
      const third = buildFrontSeo({ ...site, subject, page: 3, items });
      expect(third.metadata.description).toBe(first.metadata.description);
      const card = (seo: typeof first) => (seo.metadata.openGraph as { images: { url: string }[] }).images[0]?.url;
      expect(card(third)).toBe(card(first));
      expect(third.metadata.openGraph).toMatchObject({ description: first.metadata.description });
      expect(third.metadata.alternates?.types).toEqual(first.metadata.alternates?.types);
      expect(first.jsonLd.map((ld) => ld['@type'])).toEqual([subject.kind === 'author' ? 'ProfilePage' : 'CollectionPage', 'BreadcrumbList']);
      expect(third.jsonLd.map((ld) => ld['@type'])).toEqual(first.jsonLd.map((ld) => ld['@type']));
      expect(third.jsonLd[1]).toEqual(first.jsonLd[1]);
    });
  }

  it('describes a front in the desk’s words, or with a line naming it and the site', () => {
    const describe = (subject: FrontSubject) => buildFrontSeo({ ...site, subject, page: 2, items }).metadata.description;
    expect(describe(city)).toBe('Kyiv, street by street.');
    expect(describe({ ...city, description: '' })).toBe(
      'The latest City stories from The Gazette: reporting, analysis and updates as they happen.',
    );
    expect(describe(transit)).toBe('Every The Gazette story about Transit, newest first.');
    expect(describe(bondar)).toBe('Stories by Iryna Bondar for The Gazette.');
    expect(describe({ ...bondar, description: 'Covers the city council.' })).toBe('Covers the city council.');
  });

  it('canonicalises page 1 to the bare address and page N to its own "?page=N"', () => {
    const first = buildFrontSeo({ ...site, subject: transit, page: 1, items });
    const third = buildFrontSeo({ ...site, subject: transit, page: 3, items });
    expect(first.metadata).toMatchObject({ title: 'Transit', alternates: { canonical: 'https://gazette.test/tag/transit' } });
    expect(third.metadata).toMatchObject({
      title: 'Transit — page 3',
      alternates: { canonical: 'https://gazette.test/tag/transit?page=3' },
      openGraph: { url: 'https://gazette.test/tag/transit?page=3' },
    });
    expect(third.jsonLd[0]).toMatchObject({ '@type': 'CollectionPage', url: 'https://gazette.test/tag/transit?page=3' });
  });

  it('lists the page’s own articles in the CollectionPage, with the description the meta tags carry', () => {
    const { metadata, jsonLd } = buildFrontSeo({ ...site, subject: city, page: 2, items });
    expect(ofType(jsonLd, 'CollectionPage')).toMatchObject({
      name: 'City — page 2',
      description: metadata.description,
      mainEntity: {
        itemListElement: [{ position: 1, url: 'https://gazette.test/city/bridge-reopens', name: 'Bridge reopens' }],
      },
    });
    expect(metadata.alternates?.types).toEqual({
      'application/rss+xml': [
        { title: 'City — The Gazette', url: '/city/rss.xml' },
        { title: 'The Gazette', url: '/rss.xml' },
      ],
    });
  });

  it('makes a byline front the byline’s profile on every page, with no feed of its own', () => {
    const { metadata, jsonLd } = buildFrontSeo({ ...site, subject: bondar, page: 2, items });
    expect(metadata.openGraph).toMatchObject({
      type: 'profile',
      images: [{ url: 'https://gazette.test/media/bondar.jpg' }],
    });
    expect(metadata.alternates?.types).toEqual({ 'application/rss+xml': [{ title: 'The Gazette', url: '/rss.xml' }] });
    expect(ofType(jsonLd, 'ProfilePage')).toMatchObject({
      url: 'https://gazette.test/author/iryna-bondar?page=2',
      mainEntity: {
        '@type': 'Person',
        name: 'Iryna Bondar',
        url: 'https://gazette.test/author/iryna-bondar',
        jobTitle: 'City reporter',
        description: metadata.description,
        image: 'https://gazette.test/media/bondar.jpg',
      },
    });
  });
});
