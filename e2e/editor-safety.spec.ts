import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { addSession, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';

// Never lose a word: two people on one article, and a connection that drops mid-typing.

function makeDraft(ownerId: number): number {
  const db = testDb();
  const section = db.prepare('SELECT id FROM sections ORDER BY position LIMIT 1').get() as { id: number };
  const byline = db.prepare('SELECT id FROM bylines ORDER BY id LIMIT 1').get() as { id: number };
  const slug = `two-desks-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met at noon.' }] }] });
  const id = db
    .prepare(
      `INSERT INTO articles (slug, section_id, kind, title, body, body_text, word_count, status, created_by)
       VALUES (?, ?, 'news', 'Council sets the budget', ?, 'The council met at noon.', 5, 'draft', ?) RETURNING id`,
    )
    .pluck()
    .get(slug, section.id, body, ownerId) as number;
  db.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, ?, 0)').run(id, byline.id);
  db.prepare(`INSERT INTO revisions (article_id, version, snapshot, user_id, note) VALUES (?, 1, '{}', ?, 'Created')`).run(id, ownerId);
  return id;
}

async function editorPage(browser: Browser, role: Role, baseURL: string, name?: string) {
  const user = await createTestUser(role, { name });
  const context = await browser.newContext();
  await addSession(context, user, baseURL);
  return { user, context, page: await context.newPage() };
}

const row = (id: number) =>
  testDb().prepare('SELECT title, body_text AS bodyText, version FROM articles WHERE id = ?').get(id) as { title: string; bodyText: string; version: number };

test('two editors at once: changes to different fields combine; the same field is compared side by side and nothing is lost', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const a = await editorPage(browser, 'editor', baseURL!, `Anna ${randomUUID().slice(0, 4)}`);
  const b = await editorPage(browser, 'editor', baseURL!, `Bohdan ${randomUUID().slice(0, 4)}`);
  const id = makeDraft(a.user.id);

  await a.page.goto(`/admin/articles/${id}`);
  await b.page.goto(`/admin/articles/${id}`);
  // Each sees the other has it open.
  await expect(a.page.getByTestId('presence')).toContainText(b.user.name, { timeout: 15_000 });
  await expect(b.page.getByTestId('presence')).toContainText(a.user.name, { timeout: 15_000 });

  await a.page.getByLabel('Headline').fill('Council sets the budget at 2.1 billion');
  await expect(a.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(row(id).title).toBe('Council sets the budget at 2.1 billion');

  // B never saw A's save and types into the body: a different field, so the two combine.
  await b.page.getByTestId('body-editor').click();
  await b.page.keyboard.press('Control+End');
  await b.page.keyboard.type(' The vote was close.');
  await expect(b.page.getByTestId('merged-notice')).toContainText(`${a.user.name}’s changes to Title`, { timeout: 15_000 });
  await expect(b.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(b.page.getByLabel('Headline')).toHaveValue('Council sets the budget at 2.1 billion');
  expect(row(id)).toMatchObject({ title: 'Council sets the budget at 2.1 billion', bodyText: expect.stringContaining('The vote was close.') });

  // Now both change the headline: B first, then A, who has not seen B's save.
  await b.page.getByLabel('Headline').fill('Budget passes by one vote');
  await expect(b.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await a.page.getByLabel('Headline').fill('Council sets the budget at 2.2 billion');
  const panel = a.page.getByTestId('conflict-panel');
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await expect(panel).toContainText(`${b.user.name} changed the same field`);
  await expect(a.page.getByTestId('save-status')).toHaveAttribute('data-state', 'conflict');
  // Side by side: theirs on the left, mine on the right; only the headline is asked about.
  const title = panel.getByTestId('conflict-title');
  await expect(title.locator('[data-side="theirs"]')).toHaveText(/Budget passes by one vote/);
  await expect(title.locator('[data-side="mine"]')).toHaveText(/2\.2 billion/);
  await expect(panel.getByTestId('conflict-body')).toHaveCount(0);
  // Nothing was overwritten, and B's body text reached A's editor.
  expect(row(id).title).toBe('Budget passes by one vote');
  await expect(a.page.getByTestId('body-editor')).toContainText('The vote was close.');

  await panel.getByRole('button', { name: 'Keep mine for these' }).click();
  await expect(a.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(row(id)).toMatchObject({ title: 'Council sets the budget at 2.2 billion', bodyText: expect.stringContaining('The vote was close.') });
  // B's headline survives in the history.
  const titles = testDb()
    .prepare(`SELECT json_extract(snapshot, '$.title') FROM revisions WHERE article_id = ? ORDER BY id`)
    .pluck()
    .all(id);
  expect(titles).toContain('Budget passes by one vote');
  await a.context.close();
  await b.context.close();
});

test("leaving the editor says goodbye at once: the colleague's 'Also open by' clears at their next heartbeat", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const a = await editorPage(browser, 'editor', baseURL!, `Anna ${randomUUID().slice(0, 4)}`);
  const b = await editorPage(browser, 'editor', baseURL!, `Bohdan ${randomUUID().slice(0, 4)}`);
  const id = makeDraft(a.user.id);
  const present = (userId: number) =>
    testDb().prepare('SELECT count(*) FROM article_presence WHERE article_id = ? AND user_id = ?').pluck().get(id, userId) as number;

  await a.page.goto(`/admin/articles/${id}`);
  await b.page.goto(`/admin/articles/${id}`);
  await expect(a.page.getByTestId('presence')).toContainText(b.user.name, { timeout: 15_000 });
  expect(present(b.user.id)).toBe(1);
  // B goes elsewhere: the page's goodbye beacon removes B's row (expiry never deletes a row).
  await b.page.goto('/admin/articles');
  await expect.poll(() => present(b.user.id)).toBe(0);
  await expect(a.page.getByTestId('presence')).toHaveCount(0, { timeout: 15_000 });
  await a.context.close();
  await b.context.close();
});

test('a dropped connection loses nothing: the browser keeps the typing and offers it back', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const w = await editorPage(browser, 'author', baseURL!);
  const id = makeDraft(w.user.id);
  await w.page.goto(`/admin/articles/${id}`);
  await expect(w.page.getByTestId('body-editor')).toContainText('The council met at noon.');

  await w.context.setOffline(true);
  await w.page.getByTestId('body-editor').click();
  await w.page.keyboard.press('Control+End');
  await w.page.keyboard.type(' Written on a train with no signal.');
  await expect(w.page.getByTestId('save-status')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  expect(row(id).bodyText).not.toContain('no signal');

  // The words are in this browser's storage before anything else happens.
  await expect
    .poll(() => w.page.evaluate(() => Object.values(localStorage).join('\n')))
    .toContain('Written on a train with no signal.');

  // The browser dies (crash, battery) while still offline and comes back with its storage: the
  // old context is closed while offline, so nothing in it can see the connection return and send
  // the words itself — the new tab is the only way they can reach the server.
  const kept = await w.context.storageState();
  await w.context.close();
  const restarted = await browser.newContext({ storageState: kept });
  const again = await restarted.newPage();
  await again.goto(`/admin/articles/${id}`);
  const offer = again.getByTestId('local-restore');
  await expect(offer).toBeVisible();
  expect(row(id).bodyText).not.toContain('no signal');
  await offer.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(again.getByTestId('body-editor')).toContainText('Written on a train with no signal.');
  await expect(again.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(row(id).bodyText).toContain('Written on a train with no signal.');
  await restarted.close();
});

test('a contributor cannot open or save someone else\'s article', async ({ browser, baseURL }) => {
  const owner = await createTestUser('author');
  const id = makeDraft(owner.id);
  const c = await editorPage(browser, 'contributor', baseURL!);
  await c.page.goto(`/admin/articles/${id}`);
  await expect(c.page.getByRole('heading', { name: 'Your role does not open this page' })).toBeVisible();
  await expect(c.page.getByTestId('body-editor')).toHaveCount(0);
  const response = await c.page.request.put(`/api/admin/articles/${id}`, {
    headers: { Origin: baseURL! },
    data: { version: row(id).version, article: { title: 'Hijacked', slug: 'hijacked', sectionId: 1, kind: 'news', body: { type: 'doc', content: [] } } },
  });
  expect(response.status()).toBe(403);
  expect(row(id).title).toBe('Council sets the budget');
  await c.context.close();
});

test('the editor works from the keyboard alone: fields in order, formatting and links by shortcut', async ({ browser, baseURL }) => {
  // Every field and shortcut in turn: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const w = await editorPage(browser, 'author', baseURL!);
  const id = makeDraft(w.user.id);
  const page = w.page;
  await page.goto(`/admin/articles/${id}`);
  await page.getByLabel('Headline').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Keyboard-only headline');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Dek (standfirst)')).toBeFocused();
  await page.keyboard.type('Typed without a mouse.');
  // Tab through the toolbar's buttons into the body.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('body-editor').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByTestId('body-editor')).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('An italic aside');
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Link address')).toBeFocused();
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Use a web address')).toBeVisible();
  await page.getByLabel('Link address').fill('https://example.org/budget');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const body = testDb().prepare('SELECT body FROM articles WHERE id = ?').pluck().get(id) as string;
  expect(body).toContain('"type":"italic"');
  expect(body).toContain('https://example.org/budget');
  expect(body).not.toContain('javascript:');
  expect(row(id).title).toBe('Keyboard-only headline');
  await w.context.close();
});
