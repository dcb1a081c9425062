import { countRows, createTestUser, expect, signInWithForm, test } from './auth-fixtures';

// A scripted burst of wrong passwords: after 5 failures in 15 minutes for one account, or from
// one client address, further attempts wait, even with the right password. Each test speaks
// from its own documentation-range address (X-Forwarded-For, see decideClientAddress in gateway/request-guard.mjs), so
// other journeys from 127.0.0.1 are not held.

const WRONG = 'That email and password do not match an active account.';
const WAIT = /Too many failed sign-in attempts\. Please wait \d+ minutes? and try again\./;

// Six sign-ins, each hashing a password: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

test('one account: the sixth attempt waits, even with the right password', async ({ browser }) => {
  const user = await createTestUser('editor');
  // Every attempt from a different address: the account's own limit must hold on its own.
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${10 + i}` } });
    const page = await context.newPage();
    await signInWithForm(page, user.email, `wrong-${i}`);
    // The fifth failure already says how long to wait.
    await expect(page.getByTestId('sign-in-error')).toHaveText(i < 4 ? WRONG : WAIT);
    await context.close();
  }
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.99' } });
  const page = await context.newPage();
  await signInWithForm(page, user.email, user.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText(WAIT);
  await expect(page).toHaveURL(/\/login/);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in' AND actor_id = ?`, user.id)).toBe(0);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND actor_email = ?`, user.email)).toBe(5);
  await context.close();
});

test('one address: five failures on any accounts hold the next attempt from there, not from elsewhere', async ({ browser }) => {
  // Its own address each run (a retry must not start over the budget the first try spent).
  const host = 100 + Math.floor(Math.random() * 150);
  const address = `192.0.2.${host}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
  const page = await context.newPage();
  // A burst: five different (unknown) accounts, as a password sprayer would.
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, `spray-${i}-${Date.now()}@gazette.test`, 'password1');
    await expect(page.getByTestId('sign-in-error')).toHaveText(i < 4 ? WRONG : WAIT);
  }
  const user = await createTestUser('author');
  await signInWithForm(page, user.email, user.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText(WAIT);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND ip = ?`, address)).toBe(5);

  const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${host + 1}` } });
  const other = await elsewhere.newPage();
  await signInWithForm(other, user.email, user.password);
  await expect(other).toHaveURL(/\/admin$/);
  await context.close();
  await elsewhere.close();
});
