import { expect, FIRST_ADMIN, ROLES, signInWithForm, test, createTestUser, countRows } from './auth-fixtures';

// Each role signs in and sees only what it may (the role table in lib/newsroom/permissions.ts).

test('the first-run admin signs in with the form, sees the whole newsroom, and signs out', async ({ page, context }) => {
  await signInWithForm(page, FIRST_ADMIN.email, FIRST_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId('signed-in-role')).toHaveText('Administrator');
  const nav = page.getByRole('navigation', { name: 'Newsroom' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
  expect(cookie, 'session cookie').toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
  // Served over plain http in the tests; Auth.js marks it Secure (and __Secure-) over https.
  expect(cookie!.secure).toBe(false);

  const signOuts = () => countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_out' AND actor_email = ?`, FIRST_ADMIN.email);
  const before = signOuts();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedout=1$/);
  expect(signOuts()).toBe(before + 1);
  await expect(page.getByTestId('sign-in-notice')).toHaveText('You are signed out.');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
});

for (const role of ROLES) {
  test(`a ${role} signs in and sees only what the role allows`, async ({ page }) => {
    const user = await createTestUser(role);
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId('signed-in-as')).toContainText(user.name);
    await expect(page.getByTestId('signed-in-role')).toHaveText({ contributor: 'Contributor', author: 'Author', editor: 'Editor', admin: 'Administrator' }[role]);
    const nav = page.getByRole('navigation', { name: 'Newsroom' });
    await expect(nav.getByRole('link', { name: 'Your account' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    const isAdmin = role === 'admin';
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(isAdmin ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(isAdmin ? 1 : 0);

    // A refusal is the 403 page (app/admin/forbidden.tsx) with status 403, decided by proxy.ts
    // before Next starts the response; none of the page's content is rendered.
    for (const [path, heading] of [['/admin/users', 'Users'], ['/admin/audit', 'Audit log']] as const) {
      expect((await page.goto(path))?.status(), path).toBe(isAdmin ? 200 : 403);
      await expect(page.getByRole('heading', { name: 'Your role does not open this page' })).toHaveCount(isAdmin ? 0 : 1);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toHaveCount(isAdmin ? 1 : 0);
    }
    if (!isAdmin) {
      await page.goto('/admin/users');
      await expect(page.getByText(FIRST_ADMIN.email)).toHaveCount(0);
    }
    expect((await page.goto('/admin/account'))?.status()).toBe(200);
    expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in' AND actor_id = ?`, user.id)).toBe(1);
  });
}

test('wrong passwords and unknown emails get the same answer, and both are audited', async ({ page }) => {
  const user = await createTestUser('author');
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.200' });
  await signInWithForm(page, user.email, 'not-the-password');
  const message = page.getByTestId('sign-in-error');
  await expect(message).toHaveText('That email and password do not match an active account.');
  const unknown = `nobody-${user.id}@gazette.test`;
  await signInWithForm(page, unknown, 'whatever-password');
  await expect(message).toHaveText('That email and password do not match an active account.');
  await expect(page).toHaveURL(/\/login$/);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND actor_email IN (?, ?)`, user.email, unknown)).toBe(2);
});

test('a disabled account cannot sign in', async ({ page }) => {
  const user = await createTestUser('editor', { disabled: true });
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.201' });
  await signInWithForm(page, user.email, user.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText('That email and password do not match an active account.');
  expect((await page.goto('/admin/account'))?.url()).toMatch(/\/login/);
});

test('signing in returns to the newsroom page asked for, never elsewhere', async ({ page }) => {
  const user = await createTestUser('admin');
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit$/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
});

test('a newsroom address for nothing says so inside the newsroom', async ({ page, signInAs }) => {
  await signInAs('editor');
  for (const path of ['/admin/articles/999999999', '/admin/articles/999999999/revisions', '/admin/media/999999999', '/admin/articles/nope']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' }), path).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Newsroom' }), path).toBeVisible();
    await expect(page.getByRole('link', { name: 'All articles' }), path).toHaveAttribute('href', '/admin/articles');
  }
  // Next sends every not-found.tsx above a page inside that page's payload: the reader site's
  // 404, with its masthead and list of sections, is not one of them (app/not-found.tsx stays
  // small; addresses no route answers get app/global-not-found.tsx).
  const dashboard = await (await page.request.get('/admin')).text();
  expect(dashboard).toContain('self.__next_f');
  expect(dashboard).not.toContain('Browse the sections');
});
