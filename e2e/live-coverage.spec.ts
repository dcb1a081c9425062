import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { addSession, createTestUser, expect, test } from './auth-fixtures';
import { publishThroughScheduler } from './desk-fixtures';
import { getSeededLiveStory } from './fixtures';
import { getHtml, jsonLdOf, ldOfType, W3C_WITH_OFFSET } from './seo-helpers';

// Live coverage: a reader keeps a live story open while an editor, in another browser, posts an
// update; the reader is offered it and brings it in without a reload. Without JavaScript the page
// shows every update; crawlers read LiveBlogPosting; ending the coverage turns the page into an
// article with a timeline.

async function editorPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext();
  await addSession(context, await createTestUser('editor'), baseURL);
  return context.newPage();
}

async function startCoverage(editor: Page, articleId: number, keyPoints: string) {
  await editor.goto(`/admin/articles/${articleId}/live`);
  await expect(editor.getByTestId('live-status')).toContainText('This story is not live.');
  await editor.getByLabel('Key points').fill(keyPoints);
  await editor.getByRole('button', { name: 'Start live coverage' }).click();
  await expect(editor.getByTestId('coverage-message')).toHaveText('Live coverage started.');
}

async function postUpdate(editor: Page, text: string, title = '') {
  const form = editor.getByRole('form', { name: 'Post an update' });
  await form.getByLabel('Update', { exact: true }).fill(text);
  if (title) await form.getByLabel('Headline (optional)').fill(title);
  await form.getByRole('button', { name: 'Post update' }).click();
  await expect(editor.getByTestId('post-message')).toContainText('Posted');
  // The form is empty again, ready for the next one.
  await expect(editor.getByRole('form', { name: 'Post an update' }).getByLabel('Update', { exact: true })).toHaveValue('');
}

test('a reader keeping a live story open is offered an update posted from another browser, and brings it in without a reload', async ({ browser, page, request, baseURL }) => {
  test.setTimeout(120_000);
  const story = await publishThroughScheduler(request, { title: `Live: bridge closed ${randomUUID().slice(0, 6)}` });
  const editor = await editorPage(browser, baseURL!);
  await startCoverage(editor, story.id, 'The north bridge is closed');

  await page.goto(story.url);
  await expect(page.getByTestId('live-badge')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Key points' })).toContainText('The north bridge is closed');
  await expect(page.getByText('The first updates will appear here.')).toBeVisible();
  // A reload would lose this.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const text = `Divers have reached the pier ${randomUUID().slice(0, 6)}.`;
  await postUpdate(editor, text, 'Divers at the pier');

  const offer = page.getByRole('button', { name: '1 new update' });
  await expect(offer).toBeVisible({ timeout: 45_000 });
  // Nothing moves until the reader asks.
  await expect(page.getByText(text)).toHaveCount(0);
  await offer.click();
  const update = page.getByRole('article', { name: 'Divers at the pier' });
  await expect(update).toContainText(text);
  await expect(update).toBeFocused();
  await expect(offer).toBeHidden();
  await expect(page.locator('[data-live-status]')).toHaveText('1 new update added at the top.');
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  // Its permalink is the update's own address.
  const id = await update.getAttribute('id');
  expect(id).toMatch(/^update-\d+$/);
  await expect(update.getByRole('link', { name: /Permalink/ })).toHaveAttribute('href', `#${id}`);
  await editor.context().close();
});

test('without JavaScript the live story shows its key points and every update, pinned first, each with a permalink', async ({ browser }) => {
  const seeded = getSeededLiveStory();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(seeded.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.title);
  await expect(page.getByTestId('live-badge')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Key points' }).getByRole('listitem')).not.toHaveCount(0);
  const updates = page.locator('article[id^="update-"]');
  await expect(updates).toHaveCount(seeded.updates.length);
  expect(await updates.evaluateAll((els) => els.map((el) => el.id))).toEqual(seeded.updates.map((u) => `update-${u.id}`));
  await expect(updates.first()).toContainText('Pinned');
  for (const [i, u] of seeded.updates.entries()) {
    await expect(updates.nth(i)).toContainText(u.body.split('\n')[0]!);
    await expect(updates.nth(i).locator('time').first()).toHaveAttribute('datetime', /\d{4}-\d{2}-\d{2}T/);
  }
  // The offer of new updates is for browsers that run the island; here it stays out of sight.
  await expect(page.getByRole('button', { name: /new update/ })).toHaveCount(0);
  await context.close();
});

test('crawlers read the live story as a LiveBlogPosting with each update', async ({ request, baseURL }) => {
  const seeded = getSeededLiveStory();
  const ld = ldOfType(await getHtml(request, seeded.url), 'LiveBlogPosting');
  expect(ld.headline).toBe(seeded.title);
  expect(ld.coverageStartTime).toMatch(W3C_WITH_OFFSET);
  expect(ld.coverageEndTime).toBeUndefined();
  expect(ld.datePublished).toMatch(W3C_WITH_OFFSET);
  expect(ld.dateModified).toMatch(W3C_WITH_OFFSET);
  expect(ld.url).toBe(`${baseURL}${seeded.url}`);
  expect((ld.publisher as { name?: string }).name).toBeTruthy();
  expect((ld.author as unknown[]).length).toBeGreaterThan(0);
  const updates = ld.liveBlogUpdate as Record<string, unknown>[];
  expect(updates).toHaveLength(seeded.updates.length);
  for (const [i, u] of updates.entries()) {
    expect(u['@type']).toBe('BlogPosting');
    expect(u.url).toBe(`${baseURL}${seeded.url}#update-${seeded.updates[i]!.id}`);
    expect(typeof u.headline).toBe('string');
    expect((u.headline as string).length).toBeGreaterThan(0);
    expect((u.headline as string).length).toBeLessThanOrEqual(111);
    expect(u.articleBody).toBe(seeded.updates[i]!.body);
    expect(u.datePublished).toMatch(W3C_WITH_OFFSET);
    expect(u.dateModified).toMatch(W3C_WITH_OFFSET);
    expect((u.author as { name?: string }).name).toBeTruthy();
  }
  // One main object: the live posting replaces the NewsArticle, it does not sit beside it.
  expect(jsonLdOf(await getHtml(request, seeded.url)).filter((o) => o['@type'] === 'NewsArticle')).toHaveLength(0);
});

test('the desk edits and deletes updates, keeps what was typed on a refusal, and ending the coverage turns the page into an article', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const story = await publishThroughScheduler(request, { title: `Live: market fire ${randomUUID().slice(0, 6)}` });
  const editor = await editorPage(browser, baseURL!);
  await startCoverage(editor, story.id, 'Fire at the market\nNo injuries reported');

  // A refusal keeps the headline that was typed.
  const form = editor.getByRole('form', { name: 'Post an update' });
  await form.getByLabel('Headline (optional)').fill('Kept headline');
  await form.getByRole('button', { name: 'Post update' }).click();
  await expect(editor.getByTestId('post-error')).toHaveText('Write the update first.');
  await expect(form.getByLabel('Headline (optional)')).toHaveValue('Kept headline');
  await form.getByLabel('Headline (optional)').fill('');

  // What the island asks every few seconds: the page itself, naming its copy. Until a post,
  // the answer is 304 (from the page cache's memory); a post changes the page.
  await getHtml(request, story.url);
  const etag = (await request.get(story.url)).headers()['etag'];
  expect(etag).toBeTruthy();
  const unchanged = await request.get(story.url, { headers: { 'if-none-match': etag! } });
  expect(unchanged.status()).toBe(304);

  const first = `Smoke over the east stalls ${randomUUID().slice(0, 6)}`;
  const second = `Firefighters arrive ${randomUUID().slice(0, 6)}`;
  await postUpdate(editor, first);
  expect((await request.get(story.url, { headers: { 'if-none-match': etag! } })).status()).toBe(200);
  await postUpdate(editor, second);
  const items = editor.getByTestId('desk-update');
  await expect(items).toHaveCount(2);

  // Edit the older one.
  const older = items.filter({ hasText: first });
  await older.locator('summary', { hasText: 'Edit' }).click();
  const edited = `${first}, now out`;
  await older.getByRole('form', { name: 'Edit this update' }).getByLabel('Update', { exact: true }).fill(edited);
  await older.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByTestId('desk-update').filter({ hasText: edited })).toHaveCount(1);

  // Delete the newer one, through the confirmation dialog.
  const newer = editor.getByTestId('desk-update').filter({ hasText: second });
  await newer.getByRole('button', { name: 'Delete' }).click();
  await editor.getByRole('dialog', { name: 'Delete this update?' }).getByRole('button', { name: 'Delete update' }).click();
  await expect(editor.getByTestId('desk-update')).toHaveCount(1);

  let html = await getHtml(request, story.url);
  expect(html).toContain(edited);
  expect(html).not.toContain(second);
  expect(html).toContain('data-testid="live-badge"');

  await editor.getByRole('button', { name: 'End coverage' }).click();
  await expect(editor.getByTestId('coverage-message')).toContainText('Coverage ended');
  await expect(editor.getByRole('form', { name: 'Post an update' })).toHaveCount(0);

  html = await getHtml(request, story.url);
  expect(html).not.toContain('data-testid="live-badge"');
  expect(html).not.toMatch(/\/islands\/live-updates\./);
  expect(html).toContain('>Timeline<');
  expect(html).toContain(edited);
  const ld = ldOfType(html, 'LiveBlogPosting');
  expect(ld.coverageEndTime).toMatch(W3C_WITH_OFFSET);
  expect(ld.liveBlogUpdate as unknown[]).toHaveLength(1);
  await editor.context().close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the live story has no serious or critical axe violation in the ${scheme} theme`, async ({ page }) => {
    // A long page: axe takes its time on a busy machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(getSeededLiveStory().url);
    await expect(page.getByTestId('live-badge')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}
