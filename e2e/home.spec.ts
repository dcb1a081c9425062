import { expect, test } from '@playwright/test';

// A reader lands on the front page and follows a story.

const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/;
// Two-segment paths that are not articles.
const NOT_ARTICLE = /^\/(tag|author|search|admin|api|media|login|preview)\//;

test('the front page lists at least 20 stories, and the first one opens', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);

  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const articles = [...new Set(hrefs.filter((href) => ARTICLE_PATH.test(href) && !NOT_ARTICLE.test(href)))];
  expect(articles.length, 'distinct article links on the front page').toBeGreaterThanOrEqual(20);

  const first = articles[0]!;
  const story = await page.goto(first);
  expect(story?.status(), first).toBe(200);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toBeVisible();
});
