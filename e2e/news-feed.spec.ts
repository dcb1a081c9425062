import { expect, test, type Page } from '@playwright/test';
import { getNewsroomTimeZone } from './fixtures';
import { listNewsFeedInOrder } from './reader-fixtures';

// A reader follows the News Feed: "Show More" appends the next items in place with JavaScript,
// and is a plain link to the next page without it.

const FEED_PAGE_SIZE = 20;

async function itemLinks(page: Page, listId: string): Promise<string[]> {
  return page
    .locator(`#${listId} [data-article-id] a[href]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

test('Show More on the News Feed front appends the next page in place', async ({ page }) => {
  const expected = listNewsFeedInOrder().map((a) => a.url);
  expect(expected.length).toBeGreaterThan(2 * FEED_PAGE_SIZE);
  await page.goto('/news-feed');
  expect(await itemLinks(page, 'news-feed-list')).toEqual(expected.slice(0, FEED_PAGE_SIZE));

  const more = page.getByRole('link', { name: 'Show More' });
  await expect(more).toHaveAttribute('href', '/news-feed?page=2');
  await more.click();
  await expect(page.locator('#news-feed-list [data-article-id]')).toHaveCount(2 * FEED_PAGE_SIZE);
  // Still the same page, with the items in the database's order and no duplicates.
  await expect(page).toHaveURL('/news-feed');
  expect(await itemLinks(page, 'news-feed-list')).toEqual(expected.slice(0, 2 * FEED_PAGE_SIZE));
  // Focus moves to the first new item; the link moves on.
  await expect(page.locator(`#news-feed-list a[href="${expected[FEED_PAGE_SIZE]}"]`)).toBeFocused();
  await expect(more).toHaveAttribute('href', '/news-feed?page=3');
  // Day headings are not repeated when a page continues the same day.
  const days = await page.locator('#news-feed-list [data-feed-day]').evaluateAll((groups) =>
    groups.map((g) => (g as HTMLElement).dataset.feedDay),
  );
  expect(new Set(days).size).toBe(days.length);

  // At the end the link goes away.
  const pages = Math.ceil(expected.length / FEED_PAGE_SIZE);
  for (let p = 3; p <= pages; p++) await more.click();
  await expect(page.locator('#news-feed-list [data-article-id]')).toHaveCount(expected.length);
  await expect(page.getByRole('link', { name: 'Show More' })).toHaveCount(0);
});

test('Show More in the home page rail continues the rail in place', async ({ page }) => {
  const expected = listNewsFeedInOrder().map((a) => a.url);
  await page.goto('/');
  const rail = 'news-feed-rail-list';
  const shown = await itemLinks(page, rail);
  expect(shown).toEqual(expected.slice(0, shown.length));
  await page.getByRole('region', { name: 'News Feed' }).getByRole('link', { name: 'Show More' }).click();
  await expect(page.locator(`#${rail} [data-article-id]`)).toHaveCount(FEED_PAGE_SIZE);
  expect(await itemLinks(page, rail)).toEqual(expected.slice(0, FEED_PAGE_SIZE));
  await expect(page).toHaveURL('/');
});

test('items Show More adds to the rail look exactly like the rail’s first ones', async ({ page }) => {
  await page.goto('/');
  const rail = page.locator('#news-feed-rail-list');
  const before = await rail.locator('[data-article-id]').count();
  await page.getByRole('region', { name: 'News Feed' }).getByRole('link', { name: 'Show More' }).click();
  await expect(rail.locator('[data-article-id]')).toHaveCount(FEED_PAGE_SIZE);
  expect(FEED_PAGE_SIZE).toBeGreaterThan(before);
  const looks = await rail.evaluate((list) => ({
    items: [...new Set(Array.from(list.querySelectorAll('[data-article-id]'), (li) => li.className))],
    links: [...new Set(Array.from(list.querySelectorAll('[data-article-id] a'), (a) => a.className))],
    times: [...new Set(Array.from(list.querySelectorAll('[data-article-id] time'), (t) => t.className))],
    headings: [...new Set(Array.from(list.querySelectorAll('[data-feed-day] > :first-child'), (h) => `${h.tagName} ${h.className}`))],
    deks: list.querySelectorAll('[data-article-id] p').length,
  }));
  expect(looks.items).toHaveLength(1);
  expect(looks.links).toHaveLength(1);
  expect(looks.times).toHaveLength(1);
  expect(looks.headings).toHaveLength(1);
  expect(looks.headings[0]).toMatch(/^H3 /);
  expect(looks.deks).toBe(0);
  // The same size on screen, too: the first and the last item's headline.
  const fonts = await rail.locator('[data-article-id] a').evaluateAll((links) =>
    links.map((a) => getComputedStyle(a).fontSize + ' ' + getComputedStyle(a).fontFamily),
  );
  expect(new Set(fonts).size).toBe(1);
});

test('every News Feed day heading names its date in the newsroom’s zone', async ({ page }) => {
  const zone = getNewsroomTimeZone();
  const today = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date());
  await page.goto('/news-feed');
  const headings = await page.locator('#news-feed-list [data-feed-day] h2').allTextContents();
  expect(headings.length).toBeGreaterThan(1);
  expect(headings[0]).toBe(`Today · ${today}`);
  for (const heading of headings) {
    expect(heading).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Show More is a link to the next page', async ({ page }) => {
    const expected = listNewsFeedInOrder().map((a) => a.url);
    await page.goto('/news-feed');
    await page.getByRole('link', { name: 'Show More' }).click();
    await expect(page).toHaveURL('/news-feed?page=2');
    expect(await itemLinks(page, 'news-feed-list')).toEqual(expected.slice(FEED_PAGE_SIZE, 2 * FEED_PAGE_SIZE));
    await expect(page.getByRole('link', { name: /Newer items/ })).toHaveAttribute('href', '/news-feed');
  });
});
