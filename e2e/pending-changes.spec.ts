import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { addSession, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';
import { publishThroughScheduler } from './desk-fixtures';

// A live story's changes wait on the server, not in one browser: a colleague (or the same
// editor on another device) opens them, and Update publishes them. A restore of a live story
// becomes pending changes too, and never goes live by itself.

async function editorPage(browser: Browser, role: Role, baseURL: string, name?: string) {
  const user = await createTestUser(role, { name });
  const context = await browser.newContext();
  await addSession(context, user, baseURL);
  return { user, context, page: await context.newPage() };
}

const pendingRows = (id: number) => testDb().prepare('SELECT count(*) FROM article_working_copies WHERE article_id = ?').pluck().get(id) as number;
const live = (id: number) => testDb().prepare('SELECT title, slug, version FROM articles WHERE id = ?').get(id) as { title: string; slug: string; version: number };

test("a live story's unpublished change is seen by a colleague in another browser, who publishes it with Update", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const story = await publishThroughScheduler(request, { title: `Tram depot reopens ${randomUUID().slice(0, 6)}` });
  const a = await editorPage(browser, 'editor', baseURL!, `Anna ${randomUUID().slice(0, 4)}`);
  const b = await editorPage(browser, 'editor', baseURL!, `Bohdan ${randomUUID().slice(0, 4)}`);
  const pendingHeadline = `${story.title}, two years late`;

  await a.page.goto(`/admin/articles/${story.id}`);
  // The body editor exists only once the page is live: typing before that races hydration.
  await expect(a.page.getByTestId('body-editor')).toBeVisible();
  await a.page.getByLabel('Headline').fill(pendingHeadline);
  // Saved on the server as pending changes — A never presses Update.
  await expect(a.page.getByTestId('pending-changes')).toBeVisible();
  await expect(a.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(a.page.getByTestId('pending-by')).toHaveText('you');
  expect(pendingRows(story.id)).toBe(1);
  expect(live(story.id).title).toBe(story.title);
  expect(await (await request.get(story.url)).text()).not.toContain('two years late');
  await a.context.close();

  // B, another person in another browser, sees in the article list that the story has changes
  // waiting, opens it and finds A's change.
  await b.page.goto(`/admin/articles?q=${encodeURIComponent(story.title)}`);
  await expect(b.page.getByTestId(`article-row-${story.id}`).getByTestId('pending-badge')).toHaveText(/^Pending changes/);
  await b.page.goto(`/admin/articles/${story.id}`);
  await expect(b.page.getByTestId('body-editor')).toBeVisible();
  await expect(b.page.getByLabel('Headline')).toHaveValue(pendingHeadline);
  await expect(b.page.getByTestId('pending-changes')).toContainText('Pending changes — not public yet');
  await expect(b.page.getByTestId('pending-by')).toHaveText(a.user.name);
  await b.page.getByRole('button', { name: 'Update' }).click();
  await expect(b.page.getByTestId('pending-changes')).toHaveCount(0);
  await expect(b.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(pendingRows(story.id)).toBe(0);
  expect(live(story.id).title).toBe(pendingHeadline);
  await b.page.goto(`/admin/articles?q=${encodeURIComponent(pendingHeadline)}`);
  await expect(b.page.getByTestId(`article-row-${story.id}`)).toBeVisible();
  await expect(b.page.getByTestId(`article-row-${story.id}`).getByTestId('pending-badge')).toHaveCount(0);

  // Readers see it on the next request.
  const reader = await browser.newPage();
  await reader.goto(story.url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(pendingHeadline);
  await reader.close();
  await b.context.close();
});

test('restoring a revision of a live story changes nothing public: it waits as pending changes, at the same address', async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const story = await publishThroughScheduler(request, { title: `Night buses return ${randomUUID().slice(0, 6)}` });
  const e = await editorPage(browser, 'editor', baseURL!);
  const page = e.page;
  const firstVersion = testDb().prepare('SELECT version FROM revisions WHERE article_id = ? ORDER BY id LIMIT 1').pluck().get(story.id) as number;

  // A newer live headline, published with Update.
  const newer = `${story.title}: the full timetable`;
  await page.goto(`/admin/articles/${story.id}`);
  await expect(page.getByTestId('body-editor')).toBeVisible();
  await page.getByLabel('Headline').fill(newer);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('pending-changes')).toHaveCount(0);
  expect(live(story.id).title).toBe(newer);
  const before = live(story.id);

  await page.goto(`/admin/articles/${story.id}/revisions`);
  // Hydrated first: before that, the button posts without confirmation, which is refused.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: `Restore this revision (version ${firstVersion})` }).click();
  await page.getByRole('dialog', { name: `Restore version ${firstVersion}?` }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('restore-message')).toContainText('is now the pending changes: nothing changed for readers');
  // The live story, its address and its version are as they were.
  expect(live(story.id)).toEqual(before);
  const reader = await browser.newPage();
  await reader.goto(story.url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newer);
  await reader.close();

  // The editor shows the old headline as pending changes, ready for Update or Discard.
  await page.goto(`/admin/articles/${story.id}`);
  await expect(page.getByTestId('body-editor')).toBeVisible();
  await expect(page.getByTestId('pending-changes')).toBeVisible();
  await expect(page.getByLabel('Headline')).toHaveValue(story.title);
  await page.getByRole('button', { name: 'Discard pending changes' }).click();
  await page.getByRole('button', { name: 'Yes, discard them' }).click();
  await expect(page.getByTestId('pending-changes')).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue(newer);
  expect(pendingRows(story.id)).toBe(0);
  expect(live(story.id)).toEqual(before);
  await e.context.close();
});
