import { expect, test, type Page } from '@playwright/test';
import { groupByDay } from '../lib/time/dates';
import {
  getArticleWithVideo,
  getLatestFeedItems,
  getNewsroomTimeZone,
  getPublishedArticle,
  type SeededArticle,
} from './fixtures';

// A reader opens an article: masthead, the story itself, its rails and footer, on desktop
// and on a phone, with and without JavaScript. Content comes from the seeded test database
// (e2e/fixtures.ts), never from hard-coded titles.

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const DAY_HEADING = /^(Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;
const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/;
// Two-segment paths that are not articles.
const NOT_ARTICLE = /^\/(tag|author|search|admin|api|media|login|preview)\//;
const VIDEO_PAGE = /^https:\/\/(www\.)?(youtube\.com|vimeo\.com)\//;
const VIDEO_EMBED = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;

function isArticlePath(path: string): boolean {
  return ARTICLE_PATH.test(path) && !NOT_ARTICLE.test(path);
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
}

async function expectMasthead(page: Page) {
  const banner = page.getByRole('banner');
  await expect(banner).toBeVisible();
  const home = banner.locator('a[href="/"]').first();
  await expect(home).toBeVisible();
  await expect(home).toHaveAccessibleName(/the gazette/i);
  await expect(banner.locator('time[data-testid="masthead-date"]')).toHaveText(WEEKDAY);

  // The masthead's: a 404 lists the sections too, in a navigation of the same name.
  const sections = banner.getByRole('navigation', { name: 'Sections', exact: true });
  await expect(sections).toBeAttached();
  const hrefs = await sections.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => /^\/[a-z0-9-]+$/.test(href)).length, 'section links in the masthead').toBeGreaterThan(0);
}

interface RailContent {
  articleLinks: string[];
  linkTexts: string[];
  subheadings: string[];
}

// What follows an h2 up to the next h1/h2 or the footer: the rail under that heading,
// whatever elements the page wraps it in.
async function railAfter(page: Page, heading: string): Promise<RailContent | null> {
  const rail = await page.evaluate((wanted) => {
    const norm = (s: string | null) =>
      (s ?? '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
    const start = Array.from(document.querySelectorAll('h2')).find((h) => norm(h.textContent) === norm(wanted));
    if (!start) return null;
    const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const end = Array.from(document.querySelectorAll('h1, h2, footer, [role="contentinfo"]')).find(
      (el) => el !== start && !start.contains(el) && follows(start, el),
    );
    const inRail = (el: Element) => !start.contains(el) && follows(start, el) && (!end || follows(el, end));
    const links = Array.from(document.querySelectorAll('a[href]')).filter(inRail) as HTMLAnchorElement[];
    return {
      paths: links
        .map((a) => new URL(a.href, location.href))
        .filter((url) => url.origin === location.origin)
        .map((url) => url.pathname),
      linkTexts: links.map((a) => norm(a.textContent)),
      subheadings: Array.from(document.querySelectorAll('h3'))
        .filter(inRail)
        .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
    };
  }, heading);
  if (!rail) return null;
  return {
    articleLinks: [...new Set(rail.paths.filter(isArticlePath))],
    linkTexts: rail.linkTexts,
    subheadings: rail.subheadings,
  };
}

async function expectRails(page: Page) {
  for (const [heading, name] of [
    ['Most Popular', /^Most Popular$/i],
    ['News Feed', /^News Feed$/i],
    ["Editors' Picks", /^Editors['’] Picks$/i],
  ] as const) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    const rail = await railAfter(page, heading);
    expect(rail, `rail "${heading}"`).not.toBeNull();
    expect(rail!.articleLinks.length, `article links under "${heading}"`).toBeGreaterThanOrEqual(3);
    if (heading === 'News Feed') {
      expect(rail!.subheadings.length, 'News Feed day headings (h3)').toBeGreaterThan(0);
      for (const day of rail!.subheadings) expect(day).toMatch(DAY_HEADING);
      expect(rail!.linkTexts, 'News Feed "Show More" link').toContain('show more');
    }
  }
}

// Everything a reader sees on the article page; used with and without JavaScript.
async function expectArticlePage(page: Page, a: SeededArticle) {
  await expectMasthead(page);

  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toHaveAttribute('href', '#main');
  await expect(page.getByRole('main')).toHaveAttribute('id', 'main');

  await expect(page.locator('h1')).toHaveCount(1);
  const article = page.locator('article').filter({ has: page.locator('h1') });
  await expect(article).toHaveCount(1);
  await expect(article.locator('h1')).toHaveText(a.title);
  await expect(article.locator('h1')).toBeVisible();

  const label = article.getByTestId('section-label');
  await expect(label).toHaveRole('link');
  await expect(label).toHaveText(a.sectionName);
  await expect(label).toHaveAttribute('href', `/${a.sectionSlug}`);

  await expect(article.getByTestId('dek')).toHaveText(a.dek);
  await expect(article.getByText(/\d+ min read/).first()).toBeVisible();

  const byline = article.getByTestId('byline');
  await expect(byline).toBeVisible();
  for (const b of a.bylines) {
    await expect(byline.getByRole('link', { name: b.name, exact: true })).toHaveAttribute('href', `/author/${b.slug}`);
  }
  const avatars = a.bylines.filter((b) => b.hasAvatar).length;
  expect(avatars, 'the demo seed gives every byline an avatar (db/seed.ts)').toBe(a.bylines.length);
  await expect(byline.locator('img').first()).toBeVisible();
  expect(await byline.locator('img').count(), 'byline avatar images').toBeGreaterThanOrEqual(avatars);

  const hero = article.locator('figure').first();
  await expect(hero.locator('img').first()).toBeVisible();
  const caption = hero.locator('figcaption');
  await expect(caption).toContainText(a.hero.caption);
  await expect(caption).toContainText(`(${a.hero.credit})`);

  const paragraphs = article.locator('.article-body p');
  await expect(paragraphs.first()).toBeVisible();

  const tags = page.getByRole('navigation', { name: 'Tags', exact: true });
  await expect(tags).toBeVisible();
  for (const t of a.tags) {
    await expect(tags.getByRole('link', { name: t.name, exact: true })).toHaveAttribute('href', `/tag/${t.slug}`);
  }

  const authorBox = article.getByTestId('author-box');
  await expect(authorBox).toBeVisible();
  for (const b of a.bylines) {
    await expect(authorBox).toContainText(b.name);
    await expect(authorBox.locator(`a[href="/author/${b.slug}"]`).filter({ hasText: /Read more/ }).first()).toBeVisible();
  }

  await expectRails(page);
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

test.describe('article page', () => {
  test('shows the story with masthead, byline, hero, tags, author box, rails and footer', async ({ page }) => {
    const a = getPublishedArticle();
    const response = await page.goto(a.url);
    expect(response?.status()).toBe(200);
    await expectArticlePage(page, a);
  });

  test('is rendered on the server', { tag: '@desktop' }, async ({ request }) => {
    const a = getPublishedArticle();
    const response = await request.get(a.url);
    expect(response.status()).toBe(200);
    const html = await response.text();
    for (const piece of ['<h1', '<figcaption', '/author/', '/tag/']) expect(html).toContain(piece);
  });

  test('loads the video player only when the reader asks for it', async ({ page }) => {
    const video = getArticleWithVideo();
    const thirdParty: string[] = [];
    page.on('request', (request) => {
      if (!isLocal(request.url())) thirdParty.push(request.url());
    });
    // Nothing leaves the machine, even after the click.
    await page.route((url) => !isLocal(url.href), (route) => route.abort());

    expect((await page.goto(video.url))?.status()).toBe(200);
    // The click is only intercepted once React has hydrated the facade.
    await page.waitForLoadState('networkidle');
    const play = page.getByRole('link', { name: /^Play video/ }).first();
    await expect(play).toBeVisible();
    await expect(play).toHaveAttribute('href', VIDEO_PAGE);
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(thirdParty, 'requests to other hosts before the click').toEqual([]);

    await play.click();
    const player = page.locator('iframe').first();
    await expect(player).toBeAttached();
    await expect(player).toHaveAttribute('src', VIDEO_EMBED);
    expect(new URL(page.url()).pathname).toBe(video.url);
  });

  test('groups the News Feed rail by day in the newsroom\'s time zone, not the server\'s', async ({ page }) => {
    // scripts/e2e-server.mjs runs the server with TZ=America/Los_Angeles.
    const timeZone = getNewsroomTimeZone();
    expect(timeZone).toBe('Europe/Kyiv');
    const items = getLatestFeedItems(8);
    const expected = groupByDay(items, (i) => i.publishedAt, timeZone, new Date()).map((g) => ({
      label: g.label,
      titles: g.items.map((i) => i.title),
    }));
    expect((await page.goto(getPublishedArticle().url))?.status()).toBe(200);
    const rail = page.getByRole('region', { name: 'News Feed' });
    const shown = await rail.locator('h3').evaluateAll((headings) =>
      headings.map((h) => ({
        label: (h.textContent ?? '').trim(),
        titles: Array.from(h.nextElementSibling?.querySelectorAll('li a') ?? []).map((a) => (a.textContent ?? '').trim()),
      })),
    );
    expect(shown).toEqual(expected);
  });

  test('fits a phone screen without sideways scrolling', { tag: '@phone' }, async ({ page }) => {
    const a = getPublishedArticle();
    expect((await page.goto(a.url))?.status()).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
    await page.waitForLoadState('load');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('reads in full', async ({ page }) => {
      const a = getPublishedArticle();
      expect((await page.goto(a.url))?.status()).toBe(200);
      await expectArticlePage(page, a);
    });

    test('offers the video as a link to its provider, with no player embedded', async ({ page }) => {
      const video = getArticleWithVideo();
      expect((await page.goto(video.url))?.status()).toBe(200);
      const play = page.getByRole('link', { name: /^Play video/ }).first();
      await expect(play).toBeVisible();
      await expect(play).toHaveAttribute('href', VIDEO_PAGE);
      await expect(page.locator('iframe')).toHaveCount(0);
    });
  });

  test.describe('unknown addresses', () => {
    for (const path of ['/politics/no-such-article-xyz', '/no-such-section/x']) {
      test(`${path} is a 404 page with the masthead`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect(page.getByRole('heading', { name: /not found/i }).first()).toBeVisible();
        await expectMasthead(page);
      });
    }
  });
});
