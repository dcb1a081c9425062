import { expect, test, type Page } from '@playwright/test';
import { biggest, getCuratedLead, listBylineInOrder, listSectionInOrder, listTagInOrder } from './reader-fixtures';

// Canonical URLs are absolute, on the site's own origin (SITE_URL).
function absolute(path: string): RegExp {
  return new RegExp(`^https?://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

// A reader browses a section, a topic and a byline page by page, with and without JavaScript.

const PAGE_SIZE = 24;
const ARTICLE = /^\/[a-z0-9-]+\/[a-z0-9-]+$/;

// Article links in the page's list, in order (teaser images repeat the headline link).
async function listedArticles(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('main')
    .locator('h2 a[href], h3 a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => ARTICLE.test(href)))];
}

const FRONTS = [
  { kind: 'section' as const, base: (slug: string) => `/${slug}`, list: listSectionInOrder },
  { kind: 'tag' as const, base: (slug: string) => `/tag/${slug}`, list: listTagInOrder },
  { kind: 'byline' as const, base: (slug: string) => `/author/${slug}`, list: listBylineInOrder },
];

for (const front of FRONTS) {
  test.describe(`${front.kind} front`, () => {
    const target = biggest(front.kind);
    const base = front.base(target.slug);
    // Read when each test runs, not when the file loads: the list is the database's as the page is asked.
    const listed = () => {
      const expected = front.list(target.slug).map((a) => a.url);
      return { expected, lastPage: Math.ceil(expected.length / PAGE_SIZE) };
    };

    test(`lists its articles newest first, page by page (${base})`, async ({ page }) => {
      const { expected, lastPage } = listed();
      expect(lastPage, 'the seed gives this list more than one page').toBeGreaterThan(1);
      const first = await page.goto(base);
      expect(first?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(target.name);
      expect(await listedArticles(page)).toEqual(expected.slice(0, PAGE_SIZE));

      // Next → page 2 is a real address with its own canonical URL.
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /^Next/ }).click();
      await expect(page).toHaveURL(`${base}?page=2`);
      expect(await listedArticles(page)).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', absolute(`${base}?page=2`));
      await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');

      const last = await page.goto(`${base}?page=${lastPage}`);
      expect(last?.status()).toBe(200);
      expect(await listedArticles(page)).toEqual(expected.slice((lastPage - 1) * PAGE_SIZE));
      await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /^Next/ })).toHaveCount(0);
    });

    test(`refuses pages that do not exist (${base})`, async ({ request }) => {
      const { lastPage } = listed();
      for (const bad of [`${lastPage + 1}`, '0', '02', 'abc', '-1', '2.5', '99999999']) {
        const response = await request.get(`${base}?page=${bad}`, { maxRedirects: 0 });
        expect(response.status(), `${base}?page=${bad}`).toBe(404);
      }
      const one = await request.get(`${base}?page=1`, { maxRedirects: 0 });
      expect(one.status()).toBe(308);
      // Next.js sends the Location header twice on the first (uncached) render; same value.
      const locations = (one.headers().location ?? '').split(/,\s*/);
      for (const location of locations) expect(location).toBe(base);
    });

    test(`page 1 lives at the bare address (${base})`, async ({ page }) => {
      await page.goto(`${base}?page=1`);
      await expect(page).toHaveURL(base);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', absolute(base));
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the pager is plain links', async ({ page }) => {
    const { slug } = biggest('section');
    const expected = listSectionInOrder(slug).map((a) => a.url);
    await page.goto(`/${slug}`);
    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(`/${slug}?page=2`);
    expect(await listedArticles(page)).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    await page.getByRole('link', { name: /^Previous/ }).click();
    await expect(page).toHaveURL(`/${slug}`);
  });
});

test('an author page shows the bio, and a byline front is 404 for an unknown author', async ({ page, request }) => {
  const { slug, name } = biggest('byline');
  await page.goto(`/author/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  expect((await request.get('/author/nobody-by-that-name')).status()).toBe(404);
  expect((await request.get('/tag/no-such-topic?page=2')).status()).toBe(404);
  expect((await request.get('/no-such-section?page=2')).status()).toBe(404);
});

test('the front page leads with the desk’s lead story', async ({ page }) => {
  const lead = getCuratedLead();
  expect(lead, 'the seed curates a lead story').toBeDefined();
  await page.goto('/');
  const story = page.getByTestId('lead-story');
  await expect(story.getByRole('link', { name: lead!.title })).toHaveAttribute('href', lead!.url);
  await expect(page.getByTestId('top-stories').locator('li')).toHaveCount(4);
  expect(await page.getByTestId('section-rail').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('heading', { name: 'Most Popular' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Editors' Picks" })).toBeVisible();
});
