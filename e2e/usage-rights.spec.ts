import { randomUUID } from 'node:crypto';
import { toZonedInputValue } from '../lib/time/dates';
import { addSession, countRows, createTestUser, expect, test, testDb } from './auth-fixtures';
import { articleRow, insertArticle, insertMedia } from './desk-fixtures';
import { getNewsroomTimeZone } from './fixtures';

// Usage rights (lib/media/rights.ts): an image whose rights have run out never goes out on the
// site. Publishing, scheduling past the end of the rights, the scheduler and the Update of a live
// article refuse it and name the image; the picker warns before handing one over; the dashboard
// lists live articles whose images lapsed after they went out.

const DAY = 24 * 60 * 60 * 1000;

function setImages(id: number, images: { hero?: number; bodyImage?: number }) {
  if (images.hero) testDb().prepare('UPDATE articles SET hero_media_id = ? WHERE id = ?').run(images.hero, id);
  if (images.bodyImage) {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }, { type: 'image', attrs: { mediaId: images.bodyImage } }] };
    testDb().prepare('UPDATE articles SET body = ? WHERE id = ?').run(JSON.stringify(body), id);
  }
}

function goLive(id: number) {
  testDb().prepare(`UPDATE articles SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?`).run(Date.now(), Date.now(), id);
}

test('publishing with a lapsed hero, or scheduling past the end of a body image\'s rights, is refused by name', async ({ page, signInAs }) => {
  await signInAs('editor');
  const tag = randomUUID().slice(0, 6);
  const lapsed = insertMedia({ alt: `Lapsed harbour ${tag}`, rightsExpireAt: Date.now() - DAY });
  const endsSoon = insertMedia({ alt: `Ends soon ${tag}`, rightsExpireAt: Date.now() + 2 * DAY });
  const withHero = insertArticle({});
  setImages(withHero.id, { hero: lapsed.id });
  const withBodyImage = insertArticle({});
  setImages(withBodyImage.id, { bodyImage: endsSoon.id });

  await page.goto(`/admin/articles/${withHero.id}`);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByTestId('workflow-error')).toContainText(`hero image “Lapsed harbour ${tag}” expired`);
  await expect(page.getByTestId('article-status')).toHaveText('Draft');
  expect(articleRow(withHero.id).status).toBe('draft');

  const zone = getNewsroomTimeZone();
  await page.goto(`/admin/articles/${withBodyImage.id}`);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.getByLabel(/Publish at/).fill(toZonedInputValue(new Date(Date.now() + 3 * DAY), zone));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('workflow-error')).toContainText(`image in the body “Ends soon ${tag}” expire on`);
  expect(articleRow(withBodyImage.id).status).toBe('draft');

  // Before the rights end, it may be scheduled.
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.getByLabel(/Publish at/).fill(toZonedInputValue(new Date(Date.now() + DAY), zone));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Scheduled');
  expect(articleRow(withBodyImage.id).status).toBe('scheduled');
});

test('the picker warns before handing over a lapsed image, and the Update of a live article with it is refused', async ({ page, signInAs }) => {
  await signInAs('editor');
  const tag = randomUUID().slice(0, 6);
  insertMedia({ alt: `Expired pier ${tag}`, rightsExpireAt: Date.now() - DAY });
  const live = insertArticle({});
  goLive(live.id);

  await page.goto(`/admin/articles/${live.id}`);
  await page.getByRole('button', { name: 'Choose hero image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose the hero image' });
  await dialog.getByLabel('Search the library').fill(`Expired pier ${tag}`);
  await dialog.getByTestId('picker-grid').getByRole('button', { name: new RegExp(`Expired pier ${tag}`) }).click();
  const warning = dialog.getByTestId('rights-warning');
  await expect(warning).toContainText(`The usage rights of “Expired pier ${tag}” have expired.`);
  // A warning, not a block.
  await warning.getByRole('button', { name: 'Use it anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('img', { name: `Expired pier ${tag}` })).toBeVisible();

  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByText(`The usage rights of the hero image “Expired pier ${tag}” expired on`)).toBeVisible();
  expect(testDb().prepare('SELECT hero_media_id FROM articles WHERE id = ?').pluck().get(live.id)).toBeNull();
});

test('the scheduler does not publish a due article whose image lapsed, and says why on the dashboard and in the log', async ({ page, signInAs, request }) => {
  test.setTimeout(60_000);
  await signInAs('admin');
  const tag = randomUUID().slice(0, 6);
  const lapsed = insertMedia({ alt: `Lapsed skyline ${tag}`, rightsExpireAt: Date.now() - 60_000 });
  // Scheduled while its rights held (as the desk would have left it); due in a second.
  const due = insertArticle({ title: `Due with a lapsed image ${tag}`, status: 'scheduled', scheduledAt: Date.now() + 1_000 });
  setImages(due.id, { hero: lapsed.id });

  await expect
    .poll(() => countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.publish_failed' AND target_id = ?`, String(due.id)), {
      timeout: 30_000,
      intervals: [1_000],
    })
    .toBe(1);
  expect(articleRow(due.id).status).toBe('scheduled');
  expect((await request.get(due.url)).status()).toBe(404);

  await page.goto('/admin');
  const failure = page.getByTestId('scheduler-failures').getByRole('listitem').filter({ hasText: due.title });
  await expect(failure).toContainText(`hero image “Lapsed skyline ${tag}” expired`);

  await page.goto('/admin/audit');
  await expect(page.getByText(`hero image “Lapsed skyline ${tag}” expired`).first()).toBeVisible();
});

test('the dashboard lists live articles whose image rights lapsed after they went out, for editors', async ({ page, signInAs, browser, baseURL }) => {
  await signInAs('editor');
  const tag = randomUUID().slice(0, 6);
  const image = insertMedia({ alt: `Licensed crowd ${tag}`, rightsExpireAt: Date.now() + DAY });
  const live = insertArticle({ title: `Live with a lapsing image ${tag}` });
  setImages(live.id, { bodyImage: image.id });
  goLive(live.id);
  const fine = insertArticle({ title: `Live and fine ${tag}` });
  goLive(fine.id);
  // The licence ran out after publication.
  testDb().prepare('UPDATE media SET rights_expire_at = ? WHERE id = ?').run(Date.now() - 60_000, image.id);

  await page.goto('/admin');
  const panel = page.getByTestId('dashboard-expired-rights');
  await expect(panel.getByRole('link', { name: live.title })).toHaveAttribute('href', `/admin/articles/${live.id}`);
  await expect(panel.getByRole('listitem').filter({ hasText: live.title })).toContainText(`Image in the body “Licensed crowd ${tag}”: rights expired`);
  await expect(panel).not.toContainText(fine.title);

  // Writers do not pull live stories; the list is the desk's.
  const context = await browser.newContext();
  await addSession(context, await createTestUser('author'), baseURL!);
  const writer = await context.newPage();
  await writer.goto('/admin');
  await expect(writer.getByTestId('dashboard-drafts')).toBeVisible();
  await expect(writer.getByTestId('dashboard-expired-rights')).toHaveCount(0);
  await context.close();
});
