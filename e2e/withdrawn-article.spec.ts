import { expect, test } from './auth-fixtures';
import { articleRow, insertArticle, publishThroughScheduler } from './desk-fixtures';
import { withWritableTestDb } from './seo-helpers';

// An article the newsroom takes down answers 410 Gone with a short notice (no headline), not the
// 404 of an address that never held a story; it is back the moment it is republished, through
// the page cache and the edge keys (gateway/admission.mjs, db/queries/public-paths.ts).

test('an unpublished article answers 410 with a notice; its old address leads there; republished, it is back', async ({
  page,
  signInAs,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  await signInAs('editor');
  const article = await publishThroughScheduler(request);
  const oldAddress = `/${article.section}/withdrawn-e2e-old-${article.id}`;
  withWritableTestDb((db) => db.prepare(`INSERT INTO redirects (from_path, to_path, source) VALUES (?, ?, 'auto')`).run(oldAddress, article.url));

  // Twice: the second answer comes from the page cache.
  for (let i = 0; i < 2; i++) expect((await request.get(article.url)).status()).toBe(200);
  expect((await request.get(article.url)).headers()['x-gazette-cache']).toBe('HIT');

  await page.goto(`/admin/articles/${article.id}`);
  await expect(page.getByRole('link', { name: 'View live ↗' })).toHaveAttribute('href', article.url);
  // Hydrated first: before that, the button posts without the dialog's confirmation.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Unpublish' }).click();
  const ask = page.getByRole('dialog', { name: 'Unpublish this article?' });
  await ask.getByLabel('Reason').fill('Withdrawn for the 410 check');
  await ask.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Unpublished');
  // Not live: nothing to view.
  await expect(page.getByRole('link', { name: 'View live ↗' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('article-status')).toHaveText('Unpublished');
  await expect(page.getByRole('link', { name: 'View live ↗' })).toHaveCount(0);

  const gone = await request.get(article.url);
  expect(gone.status()).toBe(410);
  // Browsers keep nothing; an edge cache keeps it briefly, purged by the article's key.
  expect(gone.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
  expect(gone.headers()['xkey']?.split(' ')).toEqual(expect.arrayContaining([`article:${article.id}`, 'not-found']));
  // The old address still redirects, and following it ends at the 410.
  const moved = await request.get(oldAddress, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toMatch(new RegExp(`${article.url}$`));
  expect((await request.get(oldAddress)).status()).toBe(410);
  // A made-up address next to it is still a plain 404.
  expect((await request.get(`/${article.section}/withdrawn-e2e-never-${article.id}`)).status()).toBe(404);

  // What a reader sees, without JavaScript: the notice, no headline, not indexed, a way on.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  const response = await readerPage.goto(article.url);
  expect(response?.status()).toBe(410);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText('This article has been withdrawn');
  await expect(readerPage.getByRole('main')).toContainText('The newsroom has unpublished the article');
  await expect(readerPage.getByText(article.title)).toHaveCount(0);
  await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(readerPage.getByRole('main').getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
  await expect(readerPage.getByRole('main').getByRole('search')).toBeVisible();
  await expect(readerPage).toHaveURL(article.url);

  // Republished: the story is back on the very next request, never the 410.
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Published');
  await expect(page.getByRole('link', { name: 'View live ↗' })).toBeVisible();
  const back = await request.get(article.url);
  expect(back.status()).toBe(200);
  expect(await back.text()).toContain(article.title);
  await readerPage.goto(article.url);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await reader.close();
  withWritableTestDb((db) => db.prepare(`DELETE FROM redirects WHERE from_path = ?`).run(oldAddress));
});

test('a published article moved to the trash answers 410; a story never published stays 404', async ({ page, signInAs, request }) => {
  test.setTimeout(90_000);
  await signInAs('editor');
  const article = await publishThroughScheduler(request);
  await page.goto(`/admin/articles?q=${encodeURIComponent(article.title)}`);
  const row = page.getByTestId(`article-row-${article.id}`);
  // Hydrated first: the dialog asks before anything is deleted.
  await page.waitForLoadState('networkidle');
  await row.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: `Delete “${article.title}”?` }).getByRole('button', { name: 'Confirm delete' }).click();
  await expect(row).toHaveCount(0);
  expect(articleRow(article.id).deleted_at).not.toBeNull();
  const gone = await request.get(article.url);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).not.toContain(article.title);

  // A draft that never went out keeps the 404 of an address with nothing behind it.
  const draft = insertArticle({ status: 'draft' });
  expect((await request.get(draft.url)).status()).toBe(404);
});
