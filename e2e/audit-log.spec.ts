import { countRows, createTestUser, expect, signInWithForm, test, testDb } from './auth-fixtures';
import { insertArticle } from './desk-fixtures';

// The audit log: who did what, when, from where; filterable; never edited.

test('an admin reads sign-ins, failures and user changes, filtered by actor, action and date', async ({ page, browser, signInAs }) => {
  const subject = await createTestUser('author');
  const address = '198.51.100.77';
  const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
  const otherPage = await other.newPage();
  await signInWithForm(otherPage, subject.email, 'wrong password!');
  await signInWithForm(otherPage, subject.email, subject.password);
  await expect(otherPage).toHaveURL(/\/admin$/);
  await other.close();

  await signInAs('admin');
  await page.goto('/admin/audit');
  await page.getByLabel('Actor').selectOption(subject.email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(subject.email)}`));
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Signed in');
  await expect(rows.nth(0)).toContainText(address);
  await expect(rows.nth(1)).toContainText('Failed sign-in');

  await page.getByLabel('Action').selectOption('auth.sign_in_failed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'auth.sign_in_failed');

  // A day long before any entry: nothing.
  await page.goto(`/admin/audit?actor=${encodeURIComponent(subject.email)}&from=2001-01-01&to=2001-01-02`);
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
});

test('the log pages through its entries, newest first', async ({ page, signInAs }) => {
  await signInAs('admin');
  const count = countRows('SELECT count(*) AS n FROM audit_log');
  // Enough entries for a second page (50 a page), written as the app writes them.
  const insert = testDb().prepare(`INSERT INTO audit_log (action, actor_email, ip, at) VALUES ('auth.sign_in_failed', ?, '192.0.2.9', ?)`);
  const marker = `pager-${Date.now()}@gazette.test`;
  for (let i = 0; i < Math.max(0, 55 - count); i++) insert.run(marker, Date.now() - 60 * 60 * 1000 - i);
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-row')).toHaveCount(50);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
});

test('entries read as text: the banner before and after, a slot’s stories and an article by headline; the table fits a desk and a phone', async ({ page, signInAs }) => {
  await signInAs('admin');
  const actor = `readable-${Date.now()}@gazette.test`;
  const stories = insertArticle({ title: `Harbour budget approved ${Date.now()}`, status: 'published' });
  const other = insertArticle({ title: `Tram line reopens ${Date.now()}`, status: 'published' });
  const address = '2001:db8:85a3:1234:5678:8a2e:370:7334';
  // Written in the shapes the mutations write (db/mutations/settings.ts, curation.ts, articles.ts).
  const insert = testDb().prepare(
    `INSERT INTO audit_log (action, actor_email, ip, target_type, target_id, details, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  insert.run('breaking.updated', actor, address, 'settings', 'breaking', JSON.stringify({ before: { text: 'Bridge closed after flood warning', url: '/search?q=bridge', expiresAt: null }, after: null }), now - 3000);
  insert.run('curation.updated', actor, address, 'curation', 'top', JSON.stringify({ slot: 'top', before: [other.id], after: [stories.id, other.id] }), now - 2000);
  insert.run('article.publish', actor, address, 'article', String(stories.id), JSON.stringify({ from: 'approved', to: 'published', scheduledAt: null }), now - 1000);

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto(`/admin/audit?actor=${encodeURIComponent(actor)}`);
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(3);
    await expect(page.getByRole('main')).not.toContainText('[object Object]');

    const article = rows.nth(0);
    await expect(article).toContainText('Published');
    await expect(article).toContainText('Approved → Published');
    await expect(article.getByRole('link', { name: stories.title })).toHaveAttribute('href', `/admin/articles/${stories.id}`);
    await expect(article).not.toContainText(`article #${stories.id}`);

    const slot = rows.nth(1);
    await expect(slot).toContainText('Front page slot changed');
    await expect(slot).toContainText('Top stories');
    await expect(slot.getByRole('link', { name: other.title })).toHaveCount(2);
    await expect(slot.getByRole('link', { name: stories.title })).toHaveAttribute('href', `/admin/articles/${stories.id}`);

    const banner = rows.nth(2);
    await expect(banner).toContainText('Breaking-news banner');
    await expect(banner).toContainText('Before: “Bridge closed after flood warning”, linking to /search?q=bridge, until cleared');
    await expect(banner).toContainText('After: No banner');

    // Every column, the client address last, is inside the log's box and the page does not scroll sideways.
    const box = (await page.getByRole('region', { name: 'Entries' }).boundingBox())!;
    for (let i = 0; i < 3; i++) {
      const cell = (await rows.nth(i).getByText(address).boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    if (viewport.width < 640) {
      // On a phone the entry is stacked: the time above what was done.
      const time = (await rows.nth(0).locator('td').nth(0).boundingBox())!;
      const what = (await rows.nth(0).getByTestId('audit-what').boundingBox())!;
      expect(what.y).toBeGreaterThanOrEqual(time.y + time.height - 1);
    }
  }
});
