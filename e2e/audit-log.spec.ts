import { countRows, createTestUser, expect, signInWithForm, test, testDb } from './auth-fixtures';

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
