import type { Page } from '@playwright/test';
import { addSession, countRows, createTestUser, expect, getUserRow, test, testDb } from './auth-fixtures';
import { articleRow, insertArticle, publishThroughScheduler } from './desk-fixtures';
import { getNewsroomTimeZone } from './fixtures';

// Desk safety: nothing irreversible in one click (a dialog asks, the server insists), nobody locks
// themselves out, a page a role may not open says 403, a new password signs the person in, and
// the editor's clock is the newsroom's.

function lastAudit(action: string, targetId: number): Record<string, unknown> | null {
  const row = testDb()
    .prepare('SELECT details FROM audit_log WHERE action = ? AND target_id = ? ORDER BY id DESC LIMIT 1')
    .get(action, String(targetId)) as { details: string | null } | undefined;
  return row?.details ? (JSON.parse(row.details) as Record<string, unknown>) : null;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

test('disabling someone asks in a dialog: Escape cancels, focus comes back, confirming disables', async ({ page, signInAs }) => {
  await signInAs('admin');
  const person = await createTestUser('editor');
  await page.goto('/admin/users');
  await page.waitForLoadState('networkidle');
  const opener = page.getByRole('button', { name: `Disable ${person.name}` });

  await opener.click();
  const dialog = page.getByRole('dialog', { name: `Disable ${person.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('cannot sign in until an administrator enables the account again');
  // Focus is inside the dialog, on the safe choice.
  expect(await focusedText(page)).toBe('Cancel');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(getUserRow(person.id)?.disabled).toBe(0);

  await opener.click();
  await dialog.getByRole('button', { name: 'Disable account' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`user-row-${person.email}`).getByTestId('form-message')).toContainText('Disabled');
  expect(getUserRow(person.id)?.disabled).toBe(1);
});

// Without JavaScript the opener is a plain submit button: the form posts without confirm=yes.
// (Next renders such a form's answer into its data, not into the page's HTML; the answer is read
// from the response.)
test('without JavaScript, a disable or role change that was never confirmed is refused, not done', async ({ browser, baseURL }) => {
  const admin = await createTestUser('admin');
  const person = await createTestUser('author');
  const context = await browser.newContext({ javaScriptEnabled: false });
  await addSession(context, admin, baseURL!);
  const page = await context.newPage();

  await page.goto('/admin/users');
  const posted = () => page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/users');
  const [disable] = await Promise.all([posted(), page.getByRole('button', { name: `Disable ${person.name}` }).click()]);
  expect(await disable.text()).toContain('Nothing was done: confirm that you want to disable this account.');
  expect(getUserRow(person.id)?.disabled).toBe(0);

  await page.goto('/admin/users');
  await page.getByLabel(`Role of ${person.name}`).selectOption('admin');
  const [role] = await Promise.all([posted(), page.getByRole('button', { name: `Save role of ${person.name}` }).click()]);
  expect(await role.text()).toContain('Nothing was done: confirm that you want to change this role.');
  expect(getUserRow(person.id)?.role).toBe('author');
  await context.close();
});

test('nobody is offered to disable themselves, and a forged request to do it is refused', async ({ page, signInAs }) => {
  const me = await signInAs('admin');
  const other = await createTestUser('editor');
  await page.goto('/admin/users');
  // Hydrated: before that, a click posts the form without confirmation, which is refused.
  await page.waitForLoadState('networkidle');
  const myRow = page.getByTestId(`user-row-${me.email}`);
  await expect(myRow).toContainText('(you)');
  await expect(myRow.getByRole('button', { name: /^Disable/ })).toHaveCount(0);

  // The same request the page would send for anyone else, aimed at oneself.
  let body = '';
  let headers: Record<string, string> = {};
  await page.route('**/admin/users', async (route) => {
    if (route.request().method() === 'POST') {
      headers = route.request().headers();
      body = route.request().postData() ?? '';
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole('button', { name: `Disable ${other.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
  await expect.poll(() => body).toContain(String(other.id));
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const forged = body.replace(new RegExp(`(name="[^"]*userId"\\r\\n\\r\\n)${other.id}\\r\\n`), `$1${me.id}\r\n`);
  expect(forged).not.toBe(body);
  const answer = await page.request.post('/admin/users', {
    headers: Object.fromEntries(Object.entries(headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k))),
    data: forged,
    maxRedirects: 0,
  });
  expect(await answer.text()).toContain('You cannot disable your own account.');
  expect(getUserRow(me.id)?.disabled).toBe(0);
  expect(getUserRow(other.id)?.disabled).toBe(0);
});

test('unpublishing asks why, refuses without a reason, and the reason is in the audit log', async ({ page, signInAs, request, baseURL }) => {
  test.setTimeout(90_000);
  await signInAs('editor');
  const story = await publishThroughScheduler(request);
  await page.goto(`/admin/articles/${story.id}`);

  await page.getByRole('button', { name: 'Unpublish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unpublish this article?' });
  const reason = dialog.getByLabel('Reason');
  await expect(reason).toBeFocused();
  // An empty reason stops at the dialog.
  await dialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(dialog).toBeVisible();
  expect(articleRow(story.id).status).toBe('published');

  // The route itself refuses a move without one.
  const version = (testDb().prepare('SELECT version FROM articles WHERE id = ?').get(story.id) as { version: number }).version;
  const bare = await page.request.post(`/api/admin/articles/${story.id}/workflow`, {
    headers: { Origin: baseURL! },
    data: { version, to: 'unpublished' },
  });
  expect(bare.status()).toBe(422);
  expect(await bare.json()).toMatchObject({ ok: false, reason: 'invalid', error: 'Say why the article is being unpublished; the reason goes into the audit log.' });
  expect(articleRow(story.id).status).toBe('published');

  await reason.fill('The council withdrew the figures');
  await dialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Unpublished');
  expect(articleRow(story.id).status).toBe('unpublished');
  expect(lastAudit('article.unpublish', story.id)).toMatchObject({ from: 'published', to: 'unpublished', reason: 'The council withdrew the figures' });
  // A withdrawn story's address answers 410 Gone (docs/decisions/017-withdrawn-articles-answer-410.md).
  expect((await request.get(story.url)).status()).toBe(410);
});

test('a correction carries its reason into the audit log; readers see only the note', async ({ page, signInAs, request }) => {
  test.setTimeout(90_000);
  await signInAs('editor');
  const story = await publishThroughScheduler(request);
  await page.goto(`/admin/articles/${story.id}`);
  const notes = page.getByRole('region', { name: 'Corrections and updates' });
  await notes.getByLabel('Kind').selectOption('correction');
  await notes.getByLabel('Note readers will see').fill('An earlier version gave the wrong date.');
  await notes.getByLabel(/^Reason/).fill('Reader email of 2 December');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('article-notes')).toContainText('An earlier version gave the wrong date.');
  expect(lastAudit('article.note_added', story.id)).toEqual({
    kind: 'correction',
    text: 'An earlier version gave the wrong date.',
    reason: 'Reader email of 2 December',
  });
  expect(await (await request.get(story.url)).text()).not.toContain('Reader email of 2 December');
});

test('deleting from the editor and restoring a revision ask first', async ({ page, signInAs }) => {
  const editor = await signInAs('editor');
  const story = insertArticle({ createdBy: editor.id });
  await page.goto(`/admin/articles/${story.id}`);

  await page.getByRole('button', { name: 'Delete article…' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  expect(articleRow(story.id).deleted_at).toBeNull();

  // Two saves, so there is an earlier revision to go back to.
  for (const edit of ['(second version)', '(third version)']) {
    await page.getByLabel('Headline').fill(`${story.title} ${edit}`);
    await expect(page.getByTestId('save-status')).toHaveText(/^Saved at/, { timeout: 15_000 });
  }
  await page.goto(`/admin/articles/${story.id}/revisions`);
  await page.waitForLoadState('networkidle');
  const restore = page.getByRole('button', { name: /Restore this revision \(version \d+\)/ }).first();
  await restore.click();
  const restoreAsk = page.getByRole('dialog', { name: /^Restore version \d+\?$/ });
  await page.keyboard.press('Escape');
  await expect(restoreAsk).toBeHidden();
  await expect(restore).toBeFocused();
  const revisions = () => countRows('SELECT count(*) AS n FROM revisions WHERE article_id = ?', story.id);
  const before = revisions();
  await restore.click();
  await restoreAsk.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('restore-message')).toContainText('restored as version');
  expect(revisions()).toBe(before + 1);

  await page.goto(`/admin/articles/${story.id}`);
  await page.getByRole('button', { name: 'Delete article…' }).click();
  await ask.getByRole('button', { name: 'Delete this article' }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  expect(articleRow(story.id).deleted_at).not.toBeNull();
});

test('a page the role may not open answers 403 with the forbidden page', async ({ page, signInAs }) => {
  const writer = await signInAs('contributor');
  const someoneElses = insertArticle({ createdBy: null });
  const own = insertArticle({ createdBy: writer.id });
  for (const path of ['/admin/users', '/admin/audit', '/admin/settings', `/admin/articles/${someoneElses.id}`, `/admin/articles/${someoneElses.id}/revisions`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Your role does not open this page' }), path).toBeVisible();
  }
  for (const path of ['/admin', '/admin/articles', `/admin/articles/${own.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { name: 'Your role does not open this page' }), path).toHaveCount(0);
  }
});

test('setting a password from an invitation signs the person in, in a session of its own', async ({ page, signInAs, browser }) => {
  // Two passwords hashed and two browsers: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await signInAs('admin');
  await page.goto('/admin/users');
  const tag = Date.now().toString(36);
  const email = `safety-${tag}@gazette.test`;
  await page.getByLabel('Name', { exact: true }).fill(`Sam Safety ${tag}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Invite' }).click();
  const url = await page.getByTestId('one-time-link').inputValue();

  const theirs = await browser.newContext();
  const p = await theirs.newPage();
  await p.goto(url);
  await p.getByLabel('New password').fill('a safe new password');
  await p.getByLabel('Repeat the password').fill('a safe new password');
  await p.getByRole('button', { name: 'Set password' }).click();
  await expect(p).toHaveURL(/\/admin$/);
  await expect(p.getByTestId('signed-in-role')).toHaveText('Editor');
  const id = (testDb().prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id;
  expect(countRows('SELECT count(*) AS n FROM user_sessions WHERE user_id = ? AND ended_at IS NULL', id)).toBe(1);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in' AND target_id = ?`, String(id))).toBe(1);

  // The usual rules hold for that session: a reset ends it.
  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Reset password of Sam Safety ${tag}` }).click();
  await expect(page.getByTestId('one-time-link')).toBeVisible();
  await p.goto('/admin/account');
  await expect(p).toHaveURL(/\/login/);
  await theirs.close();
});

test('the autosave time is on the newsroom’s 24-hour clock, whatever the browser’s', async ({ browser, baseURL }) => {
  const editor = await createTestUser('editor');
  // A browser in another zone that writes 12-hour times.
  const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  await addSession(context, editor, baseURL!);
  const page = await context.newPage();
  const story = insertArticle({ createdBy: editor.id });
  await page.goto(`/admin/articles/${story.id}`);

  const zone = getNewsroomTimeZone();
  const clock = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const before = new Date();
  await page.getByLabel('Headline').fill(`${story.title} again`);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveText(/^Saved at /, { timeout: 15_000 });
  const after = new Date();
  const text = (await status.textContent()) ?? '';
  expect(text).not.toMatch(/AM|PM/);
  // The minute it was saved, read on the newsroom's clock (the save happened between the two).
  const minutes = new Set<string>();
  for (let t = Math.floor(before.getTime() / 60_000) * 60_000; t <= after.getTime(); t += 60_000) minutes.add(`Saved at ${clock(new Date(t))}`);
  expect([...minutes]).toContain(text);
  await context.close();
});
