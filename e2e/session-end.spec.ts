import { countRows, createTestUser, expect, signInWithForm, test, testDb } from './auth-fixtures';

// Every journey signs in with passwords (argon2, by design slow): on a busy machine that takes
// longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// Ending a session ends it on the server: a copy of the cookie (another browser, a script) stops
// working the moment its owner signs out, and "Sign out everywhere" ends every session at once.

const SESSION_COOKIE = 'authjs.session-token';

test('signing out ends the session on the server: a copied cookie stops working at once', async ({ browser, baseURL }) => {
  const user = await createTestUser('editor');
  const mine = await browser.newContext();
  const page = await mine.newPage();
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/admin$/);
  const cookie = (await mine.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, 'session cookie').toBeDefined();

  // The same cookie in a browser that never signed in: it is as good as the original.
  const copy = await browser.newContext();
  await copy.addCookies([{ name: SESSION_COOKIE, value: cookie!.value, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
  const copied = await copy.newPage();
  expect((await copied.goto('/admin'))?.status()).toBe(200);
  await expect(copied).toHaveURL(/\/admin$/);
  await expect(copied.getByTestId('signed-in-as')).toContainText(user.name);
  const tags = () => fetch(`${baseURL}/api/admin/tags?q=a`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie!.value}` } });
  expect((await tags()).status).toBe(200);

  const signOuts = () => countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_out' AND actor_id = ?`, user.id);
  expect(signOuts()).toBe(0);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedout=1$/);
  expect(signOuts()).toBe(1);
  expect(countRows('SELECT count(*) AS n FROM user_sessions WHERE user_id = ? AND ended_at IS NOT NULL', user.id)).toBe(1);

  expect((await tags()).status).toBe(401);
  await copied.goto('/admin');
  await expect(copied).toHaveURL(/\/login/);
  await expect(copied.getByTestId('signed-in-as')).toHaveCount(0);
  await mine.close();
  await copy.close();
});

test('"Sign out everywhere" ends every session of the account, this one too', async ({ browser }) => {
  const user = await createTestUser('author');
  const office = await browser.newContext();
  const home = await browser.newContext();
  const here = await office.newPage();
  const there = await home.newPage();
  await signInWithForm(here, user.email, user.password);
  await expect(here).toHaveURL(/\/admin$/);
  await signInWithForm(there, user.email, user.password);
  await expect(there).toHaveURL(/\/admin$/);
  expect(countRows('SELECT count(*) AS n FROM user_sessions WHERE user_id = ? AND ended_at IS NULL', user.id)).toBe(2);

  await here.goto('/admin/account');
  const sessions = here.getByTestId('open-sessions').getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: '(this browser)' })).toHaveCount(1);
  await here.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(here).toHaveURL(/\/login\?signedout=1$/);
  await expect(here.getByTestId('sign-in-notice')).toHaveText('You are signed out.');

  await here.goto('/admin');
  await expect(here).toHaveURL(/\/login/);
  await there.goto('/admin');
  await expect(there).toHaveURL(/\/login/);
  await expect(there.getByTestId('signed-in-as')).toHaveCount(0);

  const rows = testDb().prepare('SELECT ended_at FROM user_sessions WHERE user_id = ?').all(user.id) as { ended_at: number | null }[];
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r.ended_at !== null)).toBe(true);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_out_everywhere' AND actor_id = ?`, user.id)).toBe(1);
  await office.close();
  await home.close();
});
