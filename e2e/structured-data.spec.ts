import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { getArticleWithVideo, getPublishedArticle, openTestDb } from './fixtures';
import { getHtml, ldOfType, metaContent, W3C_WITH_OFFSET, withWritableTestDb } from './seo-helpers';

// Crawlers read the JSON-LD and meta tags of every page type; Google's required and
// recommended properties are checked here against the real pages.

const absoluteOnSite = (baseURL: string | undefined) => new RegExp(`^${(baseURL ?? '').replace(/[.]/g, '\\.')}/`);

test('an article carries NewsArticle and BreadcrumbList with what Google asks for', async ({ request, baseURL }) => {
  const seeded = getPublishedArticle();
  const html = await getHtml(request, seeded.url);
  const onSite = absoluteOnSite(baseURL);

  const article = ldOfType(html, 'NewsArticle');
  expect(article.headline).toBe(seeded.title);
  expect(article.description).toBe(seeded.dek);
  expect(article.datePublished).toMatch(W3C_WITH_OFFSET);
  expect(article.dateModified).toMatch(W3C_WITH_OFFSET);
  expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${baseURL}${seeded.url}` });
  expect(article.articleSection).toBe(seeded.sectionName);
  expect(article.keywords).toEqual(seeded.tags.map((t) => t.name));
  const authors = article.author as { '@type': string; name: string; url: string }[];
  expect(authors.map((a) => a.name)).toEqual(seeded.bylines.map((b) => b.name));
  for (const author of authors) {
    expect(['Person', 'Organization']).toContain(author['@type']);
    expect(author.url).toMatch(onSite);
  }
  const publisher = article.publisher as { '@type': string; name: string; logo: { url: string } };
  expect(publisher['@type']).toBe('NewsMediaOrganization');
  expect(publisher.name).toBeTruthy();
  expect((await request.get(publisher.logo.url)).status()).toBe(200);

  // Three crops of the hero, each at least 1,200 px wide, in 16:9, 4:3 and 1:1.
  const images = article.image as string[];
  expect(images).toHaveLength(3);
  const ratios: number[] = [];
  for (const url of images) {
    expect(url).toMatch(onSite);
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type']).toBe('image/jpeg');
    expect(response.headers()['cache-control']).toContain('max-age=');
    const meta = await sharp(await response.body()).metadata();
    expect(meta.width).toBeGreaterThanOrEqual(1200);
    ratios.push(Number(((meta.width ?? 0) / (meta.height ?? 1)).toFixed(2)));
  }
  expect(ratios).toEqual([1.78, 1.33, 1]);

  const breadcrumbs = ldOfType(html, 'BreadcrumbList');
  expect((breadcrumbs.itemListElement as { name: string; position: number }[]).map((i) => [i.position, i.name])).toEqual([
    [1, 'Home'],
    [2, seeded.sectionName],
    [3, seeded.title],
  ]);

  // Meta tags: canonical, Open Graph article fields, Twitter card, large image previews.
  expect(metaContent(html, 'link rel="canonical" href')).toBe(`${baseURL}${seeded.url}`);
  expect(metaContent(html, 'meta property="og:type" content')).toBe('article');
  expect(metaContent(html, 'meta property="article:published_time" content')).toMatch(W3C_WITH_OFFSET);
  expect(metaContent(html, 'meta property="article:modified_time" content')).toMatch(W3C_WITH_OFFSET);
  expect(metaContent(html, 'meta property="article:section" content')).toBe(seeded.sectionName);
  expect(metaContent(html, 'meta property="article:tag" content')).toBe(seeded.tags[0]!.name);
  expect(metaContent(html, 'meta name="twitter:card" content')).toBe('summary_large_image');
  expect(metaContent(html, 'meta name="googlebot" content')).toContain('max-image-preview:large');
  const og = /<meta property="og:image" content="([^"]+)"\/>/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  expect(og).toMatch(onSite);
  const ogImage = await sharp(await (await request.get(og!)).body()).metadata();
  expect([ogImage.width, ogImage.height]).toEqual([1200, 630]);
  expect(metaContent(html, 'link rel="alternate" type="application/rss+xml" href')).toBe(
    `${baseURL}/${seeded.sectionSlug}/rss.xml`,
  );
});

test('an article with a video describes it as a VideoObject', async ({ request }) => {
  const seeded = getArticleWithVideo();
  const article = ldOfType(await getHtml(request, seeded.url), 'NewsArticle');
  const video = article.video as Record<string, unknown>;
  expect(video['@type']).toBe('VideoObject');
  expect(video.name).toBeTruthy();
  expect(video.description).toBeTruthy();
  expect((video.thumbnailUrl as string[]).length).toBeGreaterThan(0);
  expect(video.uploadDate).toMatch(W3C_WITH_OFFSET);
  expect(String(video.embedUrl ?? video.contentUrl)).toMatch(/^https:\/\/(www\.youtube|www\.youtube-nocookie\.com|player\.vimeo\.com|vimeo\.com)/);
});

test('the home page has WebSite with a SearchAction and the Organization', async ({ request, baseURL }) => {
  const html = await getHtml(request, '/');
  const site = ldOfType(html, 'WebSite');
  expect(site.url).toBe(`${baseURL}/`);
  expect(site.potentialAction).toMatchObject({
    '@type': 'SearchAction',
    target: { urlTemplate: `${baseURL}/search?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  });
  const organization = ldOfType(html, 'NewsMediaOrganization');
  expect(organization.logo).toMatchObject({ url: `${baseURL}/logo.png` });
  // Next writes the root canonical without its trailing slash; both name the same URL.
  expect(metaContent(html, 'link rel="canonical" href')?.replace(/\/$/, '')).toBe(baseURL);
  const card = /<meta property="og:image" content="([^"]+)"\/>/.exec(html)?.[1];
  const response = await request.get(card!);
  expect(response.headers()['content-type']).toBe('image/png');
  expect((await sharp(await response.body()).metadata()).width).toBe(1200);
});

test('section and tag pages are CollectionPages, byline pages ProfilePages', async ({ request, baseURL }) => {
  const seeded = getPublishedArticle();

  const sectionHtml = await getHtml(request, `/${seeded.sectionSlug}`);
  const section = ldOfType(sectionHtml, 'CollectionPage');
  expect(section.name).toBe(seeded.sectionName);
  expect(section.url).toBe(`${baseURL}/${seeded.sectionSlug}`);
  const items = (section.mainEntity as { itemListElement: { url: string }[] }).itemListElement;
  expect(items.length).toBeGreaterThan(0);
  expect(ldOfType(sectionHtml, 'BreadcrumbList')).toBeTruthy();
  expect(metaContent(sectionHtml, 'link rel="alternate" type="application/rss+xml" href')).toBe(
    `${baseURL}/${seeded.sectionSlug}/rss.xml`,
  );

  const tag = seeded.tags[0]!;
  const tagHtml = await getHtml(request, `/tag/${tag.slug}`);
  expect(ldOfType(tagHtml, 'CollectionPage').name).toBe(tag.name);
  expect(metaContent(tagHtml, 'link rel="alternate" type="application/rss+xml" href')).toBe(
    `${baseURL}/tag/${tag.slug}/rss.xml`,
  );
  const tagCard = await request.get(`/social-card/tag/${tag.slug}`);
  expect(tagCard.headers()['content-type']).toBe('image/png');

  const byline = seeded.bylines[0]!;
  const profile = ldOfType(await getHtml(request, `/author/${byline.slug}`), 'ProfilePage');
  expect(profile.mainEntity).toMatchObject({ name: byline.name, url: `${baseURL}/author/${byline.slug}` });

  // A desk byline is an organization.
  const desk = openTestDb().prepare(`SELECT slug FROM bylines WHERE kind = 'desk' ORDER BY id LIMIT 1`).get() as { slug: string } | undefined;
  expect(desk, 'the demo seed has a desk byline (db/seed.ts)').toBeDefined();
  const deskProfile = ldOfType(await getHtml(request, `/author/${desk!.slug}`), 'ProfilePage');
  expect((deskProfile.mainEntity as { '@type': string })['@type']).toBe('Organization');
});

test('no stored text can close the JSON-LD script element', async ({ request }) => {
  const hostile = '</script><script>alert(1)</script> Bridge <!-- reopens';
  const slug = `e2e-hostile-${Date.now()}`;
  const seeded = getPublishedArticle();
  withWritableTestDb((db) => {
    const section = db.prepare('SELECT id FROM sections WHERE slug = ?').get(seeded.sectionSlug) as { id: number };
    db.prepare(
      `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, published_at, updated_at, modified_at, created_at)
       VALUES (?, ?, 'news', ?, ?, ?, 'Text.', 1, 'published', ?, ?, ?, ?)`,
    ).run(
      slug,
      section.id,
      hostile,
      hostile,
      JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] }),
      ...Array(4).fill(Date.now() - 60_000),
    );
  });
  const html = await getHtml(request, `/${seeded.sectionSlug}/${slug}`);
  expect(html.includes('<script>alert(1)</script>'), 'hostile markup reached the page').toBe(false);
  const article = ldOfType(html, 'NewsArticle');
  expect(article.headline).toBe(hostile);
  expect(article.description).toBe(hostile);
});

test('every image a shared link shows has the same alt text for X as for Open Graph', async ({ request }) => {
  const seeded = getPublishedArticle();
  for (const path of ['/', '/politics', '/news-feed', '/corrections', seeded.url]) {
    const html = await getHtml(request, path);
    const ogAlt = metaContent(html, 'meta property="og:image:alt" content');
    expect(ogAlt, path).toBeDefined();
    expect(metaContent(html, 'meta name="twitter:image:alt" content'), path).toBe(ogAlt);
    expect(metaContent(html, 'meta name="twitter:image" content'), path).toBe(metaContent(html, 'meta property="og:image" content'));
  }
});

