import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { addSession, createTestUser, expect, test, testDb } from './auth-fixtures';
import { articleRow, captureAction, firstSection, insertArticle, publishThroughScheduler, replayAction } from './desk-fixtures';

// The desk's everyday pages: the dashboard shows my work with times in the newsroom's zone
// (Europe/Kyiv; the e2e server itself runs in Los Angeles), the article list filters and pages
// through the desk's articles, writers see only their own, and soft delete takes an article off
// the site until an editor restores it — a lower role's forged call is refused.

test('the dashboard shows my draft, what waits for my review, and a scheduled time in the newsroom zone', async ({ page, signInAs }) => {
  const me = await signInAs('author');
  const colleague = await createTestUser('contributor');
  const draft = insertArticle({ createdBy: me.id, title: `My draft ${randomUUID().slice(0, 6)}` });
  const review = insertArticle({
    createdBy: colleague.id,
    assigneeId: me.id,
    status: 'in_review',
    reviewDeadline: Date.parse('2030-06-14T15:00:00Z'),
    title: `Needs my eyes ${randomUUID().slice(0, 6)}`,
  });
  // 09:30 UTC is 12:30 in Kyiv in June (EEST); the server's own zone would say 02:30.
  const scheduled = insertArticle({ createdBy: me.id, status: 'scheduled', scheduledAt: Date.parse('2030-06-15T09:30:00Z') });
  const someoneElses = insertArticle({ createdBy: colleague.id, title: `Not mine ${randomUUID().slice(0, 6)}` });

  await page.goto('/admin');
  await expect(page.getByTestId('dashboard-role')).toHaveText('Author');
  const drafts = page.getByTestId('dashboard-drafts');
  await expect(drafts.getByRole('link', { name: draft.title })).toHaveAttribute('href', `/admin/articles/${draft.id}`);
  await expect(drafts).not.toContainText(someoneElses.title);

  const reviewPanel = page.getByTestId('dashboard-review');
  const reviewItem = reviewPanel.getByRole('listitem').filter({ hasText: review.title });
  await expect(reviewItem).toContainText(`Assigned to ${me.name}`);
  await expect(reviewItem).toContainText('due June 14, 2030, 18:00');
  await expect(reviewItem).toContainText(`by ${colleague.name}`);

  const scheduledItem = page.getByTestId('dashboard-scheduled').getByRole('listitem').filter({ hasText: scheduled.title });
  await expect(scheduledItem).toContainText('goes live June 15, 2030, 12:30');
  await expect(scheduledItem.getByRole('link')).toHaveAttribute('href', `/admin/articles/${scheduled.id}`);

  await expect(page.getByTestId('scheduler-last-run')).toContainText('Last ran');
  await expect(page.getByRole('link', { name: 'New article' })).toHaveAttribute('href', '/admin/articles/new');
});

test('the scheduler reports an article it could not publish, with the reason', async ({ page, signInAs }) => {
  await signInAs('editor');
  // An address no reader page can serve (a hand edit): the scheduler must refuse and say why.
  const broken = insertArticle({
    status: 'scheduled',
    scheduledAt: Date.now() - 60_000,
    slug: `broken.address-${randomUUID().slice(0, 6)}`,
    title: `Broken address ${randomUUID().slice(0, 6)}`,
  });
  await expect
    .poll(
      async () => {
        await page.goto('/admin');
        const item = page.getByTestId('scheduler-failures').getByRole('listitem').filter({ hasText: broken.title });
        return (await item.count()) > 0 ? await item.textContent() : '';
      },
      { timeout: 20_000, intervals: [1_500] },
    )
    .toContain('broken.address');
  expect(articleRow(broken.id).status).toBe('scheduled');
  // Fixed: the next run publishes it and the failure leaves the dashboard.
  testDb().prepare(`UPDATE articles SET slug = ? WHERE id = ?`).run(`fixed-${broken.id}`, broken.id);
  await expect.poll(() => articleRow(broken.id).status, { timeout: 20_000, intervals: [1_000] }).toBe('published');
  await page.goto('/admin');
  await expect(page.getByTestId('dashboard-scheduler')).not.toContainText(broken.title);
});

test('the article list filters by status, section and text, and pages', async ({ page, signInAs }) => {
  await signInAs('editor');
  const word = `quokka${randomUUID().slice(0, 6)}`;
  const a = insertArticle({ title: `The ${word} census`, status: 'draft' });
  const b = insertArticle({ title: `The ${word} returns`, status: 'in_review' });

  await page.goto('/admin/articles');
  await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  await expect(page.getByTestId('page-of')).toContainText('Page 1 of');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('page-of')).toContainText('Page 2 of');

  await page.goto('/admin/articles');
  await page.getByLabel('Search headline and text').fill(word);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId('list-total')).toHaveText('2 articles match these filters');
  await expect(page.getByTestId(`article-row-${a.id}`)).toBeVisible();
  await expect(page.getByTestId('tab-draft')).toContainText('(1)');
  await expect(page.getByTestId('tab-in_review')).toContainText('(1)');

  await page.getByTestId('tab-in_review').click();
  await expect(page).toHaveURL(/status=in_review/);
  await expect(page.getByTestId(`article-row-${b.id}`)).toBeVisible();
  await expect(page.getByTestId(`article-row-${a.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`article-row-${b.id}`).getByRole('link', { name: b.title })).toHaveAttribute('href', `/admin/articles/${b.id}`);

  // Section: the filter is kept with the status and text, and narrows to that section.
  const { name: sectionName } = firstSection();
  await page.getByLabel('Section').selectOption({ label: sectionName });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/section=\d+/);
  await expect(page).toHaveURL(/status=in_review/);
  await expect(page.getByTestId(`article-row-${b.id}`)).toBeVisible();
  const rows = page.locator('[data-testid^="article-row-"]');
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(sectionName);
});

test('a contributor sees only their own articles and no trash', async ({ page, signInAs }) => {
  const me = await signInAs('contributor');
  const word = `wombat${randomUUID().slice(0, 6)}`;
  const mine = insertArticle({ createdBy: me.id, title: `My ${word} draft` });
  const assigned = insertArticle({ assigneeId: me.id, status: 'in_review', title: `Assigned ${word} piece` });
  const theirs = insertArticle({ title: `Their ${word} draft` });
  await page.goto(`/admin/articles?q=${word}`);
  await expect(page.getByTestId('list-total')).toHaveText('2 articles match these filters');
  await expect(page.getByTestId(`article-row-${mine.id}`)).toBeVisible();
  await expect(page.getByTestId(`article-row-${assigned.id}`)).toBeVisible();
  await expect(page.getByTestId(`article-row-${theirs.id}`)).toHaveCount(0);
  await expect(page.getByTestId('tab-deleted')).toHaveCount(0);
  // Asking for the trash in the URL shows the ordinary list instead.
  await page.goto(`/admin/articles?status=deleted&q=${word}`);
  await expect(page.getByTestId('tab-all')).toHaveAttribute('aria-current', 'page');
  // Own articles may be deleted, others' offer no button.
  await expect(page.getByTestId(`article-row-${mine.id}`).getByRole('button', { name: /^Delete/ })).toBeVisible();
  await expect(page.getByTestId(`article-row-${assigned.id}`).getByRole('button', { name: /^Delete/ })).toHaveCount(0);
});

test('an editor deletes a published article: it leaves the site; a contributor cannot restore it; the editor can', async ({
  page,
  signInAs,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signInAs('editor');
  const article = await publishThroughScheduler(request);
  const second = await publishThroughScheduler(request);
  const sectionPage = async () => (await request.get(`/${article.section}`)).text();
  expect(await sectionPage()).toContain(`href="${article.url}"`);

  const contributor = await createTestUser('contributor');
  const theirs = await browser.newContext();
  await addSession(theirs, contributor, baseURL!);

  // Delete through the list.
  await page.goto(`/admin/articles?q=${encodeURIComponent(article.title)}`);
  const row = page.getByTestId(`article-row-${article.id}`);
  await page.waitForLoadState('networkidle');
  await row.getByRole('button', { name: /^Delete/ }).click();
  await row.getByRole('button', { name: /Confirm delete/ }).click();
  await expect(row).toHaveCount(0);
  expect(articleRow(article.id).deleted_at).not.toBeNull();
  expect((await request.get(article.url)).status()).toBe(410);
  expect(await sectionPage()).not.toContain(`href="${article.url}"`);
  expect(await (await request.get('/')).text()).not.toContain(`href="${article.url}"`);

  // A contributor's forged delete of someone else's article is refused.
  await page.goto(`/admin/articles?q=${encodeURIComponent(second.title)}`);
  const secondRow = page.getByTestId(`article-row-${second.id}`);
  await page.waitForLoadState('networkidle');
  await secondRow.getByRole('button', { name: /^Delete/ }).click();
  const forgedDelete = await captureAction(page, () => secondRow.getByRole('button', { name: /Confirm delete/ }).click());
  expect(await (await replayAction(theirs.request, forgedDelete)).text()).toContain('You are not allowed to do that.');
  expect(articleRow(second.id).deleted_at).toBeNull();
  expect((await request.get(second.url)).status()).toBe(200);

  // Restore: the editor's request, replayed by a contributor, is refused and changes nothing.
  await page.goto(`/admin/articles?status=deleted&q=${encodeURIComponent(article.title)}`);
  const deletedRow = page.getByTestId(`article-row-${article.id}`);
  await expect(deletedRow).toContainText('Deleted');
  const restore = await captureAction(page, () => deletedRow.getByRole('button', { name: /Restore/ }).click());
  expect(await (await replayAction(theirs.request, restore)).text()).toContain('You are not allowed to do that.');
  expect(articleRow(article.id).deleted_at).not.toBeNull();
  await theirs.close();

  await page.goto(`/admin/articles?status=deleted&q=${encodeURIComponent(article.title)}`);
  await page.getByTestId(`article-row-${article.id}`).getByRole('button', { name: /Restore/ }).click();
  await expect(page.getByTestId(`article-row-${article.id}`)).toHaveCount(0);
  // Back, but not in public by itself: a published article returns unpublished.
  expect(articleRow(article.id)).toEqual({ status: 'unpublished', deleted_at: null });
  expect((await request.get(article.url)).status()).toBe(410);
  await page.goto(`/admin/articles?status=unpublished&q=${encodeURIComponent(article.title)}`);
  await expect(page.getByTestId(`article-row-${article.id}`)).toContainText('Unpublished');
});

test('the dashboard and the article list have no serious axe violation, in either theme', async ({ page, signInAs }) => {
  // Six full axe runs on long pages: slow on a shared machine.
  test.setTimeout(120_000);
  await signInAs('editor');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ['/admin', '/admin/articles', '/admin/articles?status=deleted']) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious, `${url} in ${scheme}`).toEqual([]);
    }
  }
});
