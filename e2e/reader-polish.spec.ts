import { expect, test } from '@playwright/test';
import { getPublishedArticle } from './fixtures';

// What readers expect around the stories: a phone menu, share links, a useful 404 page.

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('the menu opens and leads to a section and to search', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByTestId('mobile-menu');
    const sections = menu.getByRole('navigation', { name: 'All sections' });
    await expect(sections).toBeHidden();
    await menu.getByText('Menu').click();
    await expect(sections).toBeVisible();
    await expect(menu.getByRole('searchbox', { name: 'Search the Gazette' })).toBeVisible();
    await sections.getByRole('link', { name: 'Politics' }).click();
    await expect(page).toHaveURL('/politics');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politics');
  });
});

test('an article offers share links without third-party scripts, and copies its link', async ({ page, context }) => {
  const article = getPublishedArticle();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(r.url())) external.push(r.url());
  });
  await page.goto(article.url);
  const share = page.getByTestId('share-bar');
  const hrefs = await share.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.map((h) => new URL(h).protocol === 'mailto:' ? 'mailto' : new URL(h).hostname)).toEqual([
    'mailto',
    'twitter.com',
    'www.facebook.com',
    'www.linkedin.com',
    'wa.me',
  ]);
  for (const href of hrefs.slice(1)) expect(decodeURIComponent(href)).toContain(article.url);
  expect(external).toEqual([]);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(article.url, page.url()).href);
});

test('a missing page is a 404 in the site’s layout, with search and the sections', async ({ page }) => {
  const response = await page.goto('/politics/this-story-never-existed');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main').getByRole('search')).toBeVisible();
  await expect(page.getByRole('main').getByRole('navigation', { name: 'Browse the sections' }).getByRole('link').first()).toBeVisible();
  await page.getByRole('main').getByRole('searchbox').fill('council');
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/search?q=council');
  await expect(page.getByTestId('search-results')).toBeVisible();
});
