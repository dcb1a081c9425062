import { addSession, countRows, createTestUser, expect, getUserRow, signInWithForm, test, testDb } from './auth-fixtures';

// Each journey signs people in and sets passwords (argon2, by design slow): on a busy machine that
// takes longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// An administrator manages the newsroom's people; changes reach the person on their next request.

test('an invitation link sets a password once, then never again', async ({ page, signInAs, browser }) => {
  await signInAs('admin');
  await page.goto('/admin/users');
  const tag = Date.now().toString(36);
  const email = `invitee-${tag}@gazette.test`;
  await page.getByLabel('Name', { exact: true }).fill(`Ina Vite ${tag}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('author');
  await page.getByRole('button', { name: 'Invite' }).click();
  const link = page.getByTestId('one-time-link');
  await expect(link).toHaveValue(/\/login\/set-password\?token=/);
  const url = await link.inputValue();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Link sent, no password yet');

  const invitee = await browser.newContext();
  const p = await invitee.newPage();
  await p.goto(url);
  await expect(p.getByRole('heading', { name: 'Welcome to the newsroom' })).toBeVisible();
  await p.getByLabel('New password').fill('a brand new password');
  await p.getByLabel('Repeat the password').fill('a brand new password');
  await p.getByRole('button', { name: 'Set password' }).click();
  // Signed in by the new password, straight into the newsroom.
  await expect(p).toHaveURL(/\/admin$/);
  await expect(p.getByTestId('signed-in-role')).toHaveText('Author');

  // The same link again: refused, password unchanged.
  const hashBefore = testDb().prepare('SELECT password_hash AS h FROM users WHERE email = ?').get(email) as { h: string };
  await p.goto(url);
  await expect(p.getByTestId('link-invalid')).toBeVisible();
  expect(testDb().prepare('SELECT password_hash AS h FROM users WHERE email = ?').get(email)).toEqual(hashBefore);
  await invitee.close();
});

test('an expired link is refused', async ({ page, signInAs }) => {
  await signInAs('admin');
  await page.goto('/admin/users');
  const email = `late-${Date.now().toString(36)}@gazette.test`;
  await page.getByLabel('Name', { exact: true }).fill('Late Comer');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Invite' }).click();
  const url = await page.getByTestId('one-time-link').inputValue();
  // 72 hours later.
  testDb()
    .prepare('UPDATE user_tokens SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)')
    .run(Date.now() - 1000, email);
  await page.context().clearCookies();
  await page.goto(url);
  await expect(page.getByTestId('link-invalid')).toBeVisible();
});

test('disabling a signed-in user ends their access on their next request', async ({ page, signInAs, browser, baseURL }) => {
  await signInAs('admin');
  const victim = await createTestUser('editor');
  const theirs = await browser.newContext();
  await addSession(theirs, victim, baseURL!);
  const theirPage = await theirs.newPage();
  await theirPage.goto('/admin');
  await expect(theirPage.getByTestId('signed-in-as')).toContainText(victim.name);

  await page.goto('/admin/users');
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: `Disable ${victim.name}` }).click();
  await page.getByRole('dialog', { name: `Disable ${victim.name}?` }).getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByTestId(`user-row-${victim.email}`).getByTestId('form-message')).toContainText('Disabled: they are signed out');
  expect(getUserRow(victim.id)?.disabled).toBe(1);

  await theirPage.goto('/admin/account');
  await expect(theirPage).toHaveURL(/\/login/);
  await theirs.close();
});

test('a role change applies on the next request: the old session ends', async ({ page, signInAs, browser, baseURL }) => {
  // The users page lists every account the suite made by now (hundreds): slow to hydrate on a busy machine.
  test.setTimeout(90_000);
  await signInAs('admin');
  const person = await createTestUser('author');
  const theirs = await browser.newContext();
  await addSession(theirs, person, baseURL!);
  const theirPage = await theirs.newPage();
  await theirPage.goto('/admin');
  await expect(theirPage.getByTestId('signed-in-role')).toHaveText('Author');

  await page.goto('/admin/users');
  await page.waitForLoadState('networkidle');
  await page.getByLabel(`Role of ${person.name}`).selectOption('editor');
  await page.getByRole('button', { name: `Save role of ${person.name}` }).click();
  await page.getByRole('dialog', { name: `Make ${person.name} editor?` }).getByRole('button', { name: 'Change role' }).click();
  const row = page.getByTestId(`user-row-${person.email}`);
  await expect(row.getByTestId('form-message')).toHaveText('Role saved. It applies from their next request.');
  await expect(row.getByTestId('role-badge')).toHaveText('Editor');
  expect(getUserRow(person.id)?.role).toBe('editor');

  await theirPage.goto('/admin');
  await expect(theirPage).toHaveURL(/\/login/);
  await signInWithForm(theirPage, person.email, person.password);
  await expect(theirPage.getByTestId('signed-in-role')).toHaveText('Editor');
  await theirs.close();
});

test('a reset ends sessions, voids the old password and gives a new link', async ({ page, signInAs, browser, baseURL }) => {
  await signInAs('admin');
  const person = await createTestUser('contributor');
  const theirs = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.210' } });
  await addSession(theirs, person, baseURL!);
  const theirPage = await theirs.newPage();

  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Reset password of ${person.name}` }).click();
  await expect(page.getByTestId('one-time-link')).toHaveValue(/token=/);
  expect(getUserRow(person.id)?.password_hash).toBeNull();

  await theirPage.goto('/admin');
  await expect(theirPage).toHaveURL(/\/login/);
  await signInWithForm(theirPage, person.email, person.password);
  await expect(theirPage.getByTestId('sign-in-error')).toBeVisible();
  await theirs.close();
});

test('everyone edits their own name, byline link and password', async ({ page, signInAs }) => {
  const me = await signInAs('contributor');
  const byline = testDb()
    .prepare(`SELECT id, name FROM bylines WHERE kind = 'person' AND user_id IS NULL ORDER BY id DESC LIMIT 1`)
    .get() as { id: number; name: string };
  await page.goto('/admin/account');
  await page.getByLabel('Your name').fill('Renamed Person');
  await page.getByLabel('Your byline').selectOption(String(byline.id));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved.');
  expect(getUserRow(me.id)?.name).toBe('Renamed Person');
  expect(countRows('SELECT count(*) AS n FROM bylines WHERE id = ? AND user_id = ?', byline.id, me.id)).toBe(1);
  await expect(page.getByTestId('signed-in-as')).toContainText('Renamed Person');

  await page.getByLabel('Current password').fill(me.password);
  await page.getByLabel('New password', { exact: true }).fill('my new long password');
  await page.getByLabel('Repeat the new password').fill('my new long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/password=changed/);
  await expect(page.getByTestId('form-message')).toContainText('Password changed');
  // Still signed in (the session was renewed), and the new password is the one that works.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signInWithForm(page, me.email, 'my new long password');
  await expect(page.getByTestId('signed-in-as')).toContainText('Renamed Person');
  // Give the byline back for other tests.
  testDb().prepare('UPDATE bylines SET user_id = NULL WHERE id = ?').run(byline.id);
});
