import { randomUUID } from 'node:crypto';
import { addSession, countRows, createTestUser, expect, test, testDb } from './auth-fixtures';
import { articleRow, insertArticle } from './desk-fixtures';

// Review ends in a sign-off: an editor approves someone else's article in review (never their
// own), the desk sees it under "Approved", and an edit to an approved article's content sends it
// back to review, which the editor says.

const version = (id: number) => testDb().prepare('SELECT version FROM articles WHERE id = ?').pluck().get(id) as number;

test('an editor approves a colleague\'s article; the list, the dashboard and an edit after approval follow', async ({ page, signInAs, browser, baseURL }) => {
  const writer = await createTestUser('author');
  const tag = randomUUID().slice(0, 6);
  const story = insertArticle({ title: `Tram depot plans ${tag}`, status: 'in_review', createdBy: writer.id });

  // The writer, who may publish their own work, is not offered a sign-off on it.
  const writerContext = await browser.newContext();
  await addSession(writerContext, writer, baseURL!);
  const writerPage = await writerContext.newPage();
  await writerPage.goto(`/admin/articles/${story.id}`);
  await expect(writerPage.getByTestId('article-status')).toHaveText('In review');
  await expect(writerPage.getByRole('button', { name: 'Publish now' })).toBeVisible();
  await expect(writerPage.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const forged = await writerPage.request.post(`/api/admin/articles/${story.id}/workflow`, {
    headers: { Origin: baseURL! },
    data: { version: version(story.id), to: 'approved' },
  });
  expect(forged.status()).toBe(403);
  expect(articleRow(story.id).status).toBe('in_review');
  await writerContext.close();

  await signInAs('editor');
  await page.goto(`/admin/articles/${story.id}`);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Approved');
  await expect(page.getByTestId('approved-note')).toContainText('Changing its text, images or settings sends it back to review.');
  expect(articleRow(story.id).status).toBe('approved');
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.approve' AND target_id = ?`, String(story.id))).toBe(1);

  await page.goto('/admin/articles');
  await page.getByTestId('tab-approved').click();
  await expect(page).toHaveURL(/status=approved/);
  const row = page.getByTestId(`article-row-${story.id}`);
  await expect(row.getByTestId('status-badge')).toHaveText('Approved');

  await page.goto('/admin');
  await expect(page.getByTestId('dashboard-approved').getByRole('link', { name: story.title })).toHaveAttribute('href', `/admin/articles/${story.id}`);

  // An edit after approval: back to review, and the editor says so.
  await page.goto(`/admin/articles/${story.id}`);
  await page.getByLabel('Headline').fill(`Tram depot plans revised ${tag}`);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(page.getByTestId('article-status')).toHaveText('In review');
  await expect(page.getByTestId('reopened-note')).toContainText('sent this approved article back to review');
  expect(articleRow(story.id).status).toBe('in_review');
});

test('nobody approves their own article, editors included', async ({ page, signInAs, baseURL }) => {
  const me = await signInAs('editor');
  const mine = insertArticle({ status: 'in_review', createdBy: me.id });
  await page.goto(`/admin/articles/${mine.id}`);
  await expect(page.getByTestId('article-status')).toHaveText('In review');
  await expect(page.getByRole('button', { name: 'Publish now' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const forged = await page.request.post(`/api/admin/articles/${mine.id}/workflow`, {
    headers: { Origin: baseURL! },
    data: { version: version(mine.id), to: 'approved' },
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: string }).error).toContain('another editor has to approve it');
  expect(articleRow(mine.id).status).toBe('in_review');
});
