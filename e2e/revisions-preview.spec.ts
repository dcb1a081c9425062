import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addSession, countRows, createTestUser, expect, test, testDb, type TestUser } from './auth-fixtures';
import { TEST_DB_PATH } from './fixtures';
import { createPreviewToken, PREVIEW_TOKEN_TTL_MS } from '../platform/preview-token';

// Restoring asks first (components/ui/confirm-dialog.tsx).
async function restoreVersion(page: Page, version: number) {
  // Hydrated first: before that, the button posts without confirmation, which is refused.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: `Restore this revision (version ${version})` }).click();
  await page.getByRole('dialog', { name: `Restore version ${version}?` }).getByRole('button', { name: 'Restore' }).click();
}

// Revisions and preview: the history of an article with who/when, a field-by-field
// diff between any two revisions, restoring one as a new save; previewing a draft as staff or
// through a 24-hour share link, noindex and uncached; and what other writers may not do.

interface Arranged {
  id: number;
  slug: string;
  oldTitle: string;
  newTitle: string;
  revisionIds: number[];
}

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

// A draft with two revisions, written the way db/mutations/articles.ts writes them: the
// article row holds version 2, each revision a full snapshot.
function arrangeDraft(owner: TestUser, editor: TestUser): Arranged {
  const db = testDb();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const section = db.prepare('SELECT id FROM sections ORDER BY position LIMIT 1').get() as { id: number };
  const tags = db.prepare('SELECT id, name FROM tags ORDER BY id LIMIT 3').all() as { id: number; name: string }[];
  const byline = db.prepare('SELECT id FROM bylines ORDER BY id LIMIT 1').get() as { id: number };
  const hero = db.prepare('SELECT id FROM media ORDER BY id LIMIT 1').get() as { id: number };
  const slug = `e2e-revisions-${stamp}`;
  const oldTitle = `Night buses return ${stamp}`;
  const newTitle = `Night trams return ${stamp}`;
  const base = {
    slug,
    sectionId: section.id,
    kind: 'news',
    dek: 'The pilot starts on Monday.',
    status: 'draft',
    publishedAt: null,
    scheduledAt: null,
    heroMediaId: hero.id,
    heroCaption: 'The depot at dawn',
    videoUrl: null,
    seoTitle: null,
    seoDescription: null,
    socialMediaId: null,
    bylineIds: [byline.id],
  };
  const v1 = {
    ...base,
    title: oldTitle,
    body: { type: 'doc', content: [para('Trams and buses will run later from Monday.')] },
    heroCredit: 'Anna Lys/Gazette',
    tagIds: [tags[0]!.id, tags[1]!.id],
  };
  const v2 = {
    ...base,
    title: newTitle,
    body: { type: 'doc', content: [para('Trams and buses will run much later from Monday.'), para('A second paragraph appears.')] },
    heroCredit: 'Oleh Marchenko/Wire',
    tagIds: [tags[0]!.id, tags[2]!.id],
  };
  const now = Date.now();
  const id = (
    db
      .prepare(
        `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, hero_media_id,
                               hero_caption, hero_credit, created_by, version, created_at, modified_at)
         VALUES (?, ?, 'news', ?, ?, ?, ?, 12, 'draft', ?, ?, ?, ?, 2, ?, ?) RETURNING id`,
      )
      .get(slug, section.id, newTitle, v2.dek, JSON.stringify(v2.body), 'Trams and buses will run much later from Monday.\n\nA second paragraph appears.', hero.id, v2.heroCaption, v2.heroCredit, owner.id, now, now) as { id: number }
  ).id;
  v2.tagIds.forEach((tagId, position) => db.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)').run(id, tagId, position));
  db.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, ?, 0)').run(id, byline.id);
  const insertRevision = db.prepare(
    'INSERT INTO revisions (article_id, version, snapshot, user_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const r1 = insertRevision.get(id, 1, JSON.stringify(v1), owner.id, 'Created', now - 3_600_000) as { id: number };
  const r2 = insertRevision.get(id, 2, JSON.stringify(v2), editor.id, 'Saved', now - 60_000) as { id: number };
  return { id, slug, oldTitle, newTitle, revisionIds: [r1.id, r2.id] };
}

function authSecret(): string {
  return process.env.AUTH_SECRET?.trim() || fs.readFileSync(path.join(path.dirname(TEST_DB_PATH), 'auth-secret'), 'utf8').trim();
}

async function expectDiff(page: Page) {
  const title = page.getByTestId('diff-title');
  await expect(title.locator('del')).toContainText('buses');
  await expect(title.locator('ins')).toContainText('trams');
  const body = page.getByTestId('diff-body');
  await expect(body.locator('ins').first()).toContainText('much');
  await expect(body.locator('ins').filter({ hasText: 'A second paragraph appears.' })).toHaveCount(1);
  const tags = page.getByTestId('diff-tagIds');
  await expect(tags.locator('ins')).toHaveCount(1);
  await expect(tags.locator('del')).toHaveCount(1);
  const credit = page.getByTestId('diff-heroCredit');
  await expect(credit.locator('del').filter({ hasText: 'Gazette' })).toHaveCount(1);
  await expect(credit.locator('ins').filter({ hasText: 'Wire' })).toHaveCount(1);
  // Screen readers hear what each mark means.
  await expect(credit.locator('ins .sr-only').first()).toHaveText('added: ');
  await expect(credit.locator('del .sr-only').first()).toHaveText('removed: ');
}

test('an editor reads the history, compares two revisions and restores one as a new revision', async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('contributor', { name: 'Mykola Writer' });
  const editor = await signInAs('editor', { name: 'Olena Editor' });
  const a = arrangeDraft(owner, editor);

  await page.goto(`/admin/articles/${a.id}/revisions`);
  await expect(page.getByRole('heading', { name: 'Revisions', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: '← Back to the editor' })).toHaveAttribute('href', `/admin/articles/${a.id}`);
  // Who and when, in the newsroom's time zone.
  await expect(page.getByTestId('revision-row-1')).toContainText('Mykola Writer');
  await expect(page.getByTestId('revision-row-1')).toContainText('Created');
  await expect(page.getByTestId('revision-row-2')).toContainText('Olena Editor');
  await expect(page.getByTestId('revision-row-2')).toContainText(/\d{2}:\d{2} (EET|EEST)/);

  // By default the latest against the one before.
  await expect(page.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  await expectDiff(page);

  // Any two, chosen in the table; the choice lives in the URL.
  await page.getByLabel('Compare from version 2').check();
  await page.getByLabel('Compare to version 2').check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page).toHaveURL(new RegExp(`a=${a.revisionIds[1]}&b=${a.revisionIds[1]}`));
  await expect(page.getByText('These two revisions have the same content.')).toBeVisible();
  await page.goto(`/admin/articles/${a.id}/revisions?a=${a.revisionIds[1]}&b=${a.revisionIds[0]}`);
  await expect(page.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  await expectDiff(page);

  // Restore version 1: a new revision, the old content, the draft stays a draft.
  await restoreVersion(page, 1);
  await expect(page.getByTestId('restore-message')).toContainText('Revision 1 restored as version 3.');
  await expect(page.getByTestId('revision-row-3')).toContainText('Restored revision 1');
  await expect(page.getByTestId('revision-row-3')).toContainText('Olena Editor');
  const row = testDb().prepare('SELECT title, hero_credit, status, version FROM articles WHERE id = ?').get(a.id);
  expect(row).toEqual({ title: a.oldTitle, hero_credit: 'Anna Lys/Gazette', status: 'draft', version: 3 });
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.revision_restored' AND target_id = ?`, String(a.id))).toBe(1);

  // A second tab still showing version 2's page: its restore is refused as a conflict.
  const stale = await page.context().newPage();
  await stale.goto(`/admin/articles/${a.id}/revisions`);
  testDb().prepare('UPDATE articles SET version = version + 1 WHERE id = ?').run(a.id);
  await restoreVersion(stale, 2);
  await expect(stale.getByTestId('restore-error')).toContainText('the article was saved since you opened this page');
  expect(countRows('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id)).toBe(3);
});

test('a signed-in editor previews a draft as readers will see it, noindex and uncached, without counting a view', async ({ page, signInAs }) => {
  const owner = await createTestUser('author');
  const editor = await signInAs('editor');
  const a = arrangeDraft(owner, editor);
  const beacons: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/views')) beacons.push(r.url());
  });

  const response = await page.goto(`/preview/${a.id}`);
  expect(response!.status()).toBe(200);
  expect(response!.headers()['x-robots-tag']).toContain('noindex');
  expect(response!.headers()['cache-control']).toBe('private, no-store');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.newTitle);
  await expect(page.getByTestId('preview-bar')).toContainText('Preview — not published');
  await expect(page.getByTestId('preview-bar')).toContainText('Draft');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  // The site's own chrome and the article's parts.
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.locator('figcaption')).toContainText('Oleh Marchenko/Wire');
  await page.waitForLoadState('networkidle');
  expect(beacons).toEqual([]);
  // The public address does not show the draft.
  expect((await page.request.get(`/${(testDb().prepare('SELECT s.slug FROM sections s JOIN articles a ON a.section_id = s.id WHERE a.id = ?').get(a.id) as { slug: string }).slug}/${a.slug}`)).status()).toBe(404);
});

test('without a session a preview needs a valid share link: made by the button, refused tampered or expired', async ({ page, signInAs, browser, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('author');
  const editor = await signInAs('editor');
  const a = arrangeDraft(owner, editor);
  const stranger = await playwright.request.newContext({ baseURL });

  const bare = await stranger.get(`/preview/${a.id}`);
  expect(bare.status()).toBe(404);
  expect(bare.headers()['x-robots-tag']).toContain('noindex');
  expect(await bare.text()).not.toContain(a.newTitle);

  await page.goto(`/admin/articles/${a.id}/revisions`);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Create share link' }).click();
  const shareUrl = await page.getByTestId('preview-share-url').inputValue();
  expect(shareUrl).toMatch(new RegExp(`/preview/${a.id}\\?token=\\d+\\.[\\w-]+$`));
  await expect(page.getByTestId('preview-links')).toContainText('Anyone with this link can read the preview until');
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.preview_link' AND target_id = ?`, String(a.id))).toBe(1);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE details LIKE ?`, `%${new URL(shareUrl).searchParams.get('token')}%`)).toBe(0);

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  const shared = await reader.goto(shareUrl);
  expect(shared!.status()).toBe(200);
  expect(shared!.headers()['x-robots-tag']).toContain('noindex');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(a.newTitle);
  await expect(reader.getByTestId('preview-bar')).toContainText('Shared link, works until');
  await expect(reader.getByRole('link', { name: 'Back to the editor' })).toHaveCount(0);
  await anonymous.close();

  // The link is for this article only, and its signature and expiry cannot be edited.
  const token = new URL(shareUrl).searchParams.get('token')!;
  const [expires, signature] = token.split('.') as [string, string];
  const other = arrangeDraft(owner, editor);
  for (const bad of [
    `/preview/${other.id}?token=${token}`,
    `/preview/${a.id}?token=${Number(expires) + 3_600_000}.${signature}`,
    `/preview/${a.id}?token=${expires}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
    `/preview/${a.id}?token=nonsense`,
  ]) {
    const refused = await stranger.get(bad);
    expect(refused.status(), bad).toBe(404);
    expect(await refused.text(), bad).not.toContain(a.newTitle);
  }

  // A genuine link past its 24 hours says so.
  const old = createPreviewToken(a.id, { secret: authSecret(), now: new Date(Date.now() - PREVIEW_TOKEN_TTL_MS - 60_000) });
  const expired = await stranger.get(`/preview/${a.id}?token=${old.token}`);
  expect(expired.status()).toBe(404);
  const html = await expired.text();
  expect(html).toContain('This preview link has expired');
  expect(html).not.toContain(a.newTitle);
  await stranger.dispose();
});

test('the desk withdraws the share links it made: old links say so, a new link works', async ({ page, signInAs, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('author');
  const editor = await signInAs('editor');
  const a = arrangeDraft(owner, editor);
  const stranger = await playwright.request.newContext({ baseURL });

  await page.goto(`/admin/articles/${a.id}/revisions`);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Create share link' }).click();
  const first = await page.getByTestId('preview-share-url').inputValue();
  expect(await (await stranger.get(first)).text()).toContain(a.newTitle);

  await page.getByRole('button', { name: 'Withdraw share links…' }).click();
  await page.getByRole('button', { name: 'Withdraw links' }).click();
  await expect(page.getByTestId('preview-links-revoked')).toContainText('has stopped working');
  await expect(page.getByTestId('preview-share-url')).toHaveCount(0);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.preview_links_revoked' AND target_id = ?`, String(a.id))).toBe(1);

  const withdrawn = await stranger.get(first);
  expect(withdrawn.status()).toBe(404);
  const html = await withdrawn.text();
  expect(html).toContain('This preview link has been withdrawn');
  expect(html).not.toContain(a.newTitle);

  // Links made after the withdrawal work; the editor still previews with the session.
  await page.getByRole('button', { name: 'Create share link' }).click();
  const second = await page.getByTestId('preview-share-url').inputValue();
  expect(second).not.toBe(first);
  const fresh = await stranger.get(second);
  expect(fresh.status()).toBe(200);
  expect(await fresh.text()).toContain(a.newTitle);
  expect((await page.request.get(`/preview/${a.id}`)).status()).toBe(200);
  await stranger.dispose();
});

test("a contributor cannot see another writer's revisions or preview; forged restore and share-link requests are refused", async ({ page, signInAs, browser, baseURL }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('contributor');
  const editor = await signInAs('editor');
  const a = arrangeDraft(owner, editor);

  // Capture the editor's real restore and share-link requests without letting them through.
  await page.goto(`/admin/articles/${a.id}/revisions`);
  await page.waitForLoadState('networkidle');
  // (The share link first: the aborted restore leaves the page in its error state.)
  const forgedLink = await captureAction(page, a.id, () => page.getByRole('button', { name: 'Create share link' }).click());
  const forged = await captureAction(page, a.id, () => restoreVersion(page, 1));
  const headers = replayHeaders(forged);
  const linkHeaders = replayHeaders(forgedLink);
  const links = () => countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.preview_link' AND target_id = ?`, String(a.id));
  const state = () => ({
    article: testDb().prepare('SELECT title, version FROM articles WHERE id = ?').get(a.id),
    revisions: countRows('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id),
  });
  const before = state();

  const other = await createTestUser('contributor');
  const context = await browser.newContext();
  await addSession(context, other, baseURL!);
  const tab = await context.newPage();

  await tab.goto(`/admin/articles/${a.id}/revisions`);
  await expect(tab.getByRole('heading', { name: 'Your role does not open this page' })).toBeVisible();
  await expect(tab.getByText(a.newTitle)).toHaveCount(0);

  await tab.goto(`/preview/${a.id}`);
  await expect(tab.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(tab.getByText(a.newTitle)).toHaveCount(0);

  const response = await context.request.post(`/admin/articles/${a.id}/revisions`, { headers, data: forged.body, maxRedirects: 0 });
  expect(await response.text()).toContain('You are not allowed to do that.');
  expect(state()).toEqual(before);
  const link = await context.request.post(`/admin/articles/${a.id}/revisions`, { headers: linkHeaders, data: forgedLink.body, maxRedirects: 0 });
  const linkText = await link.text();
  expect(linkText).toContain('You are not allowed to do that.');
  expect(linkText).not.toContain('token=');
  expect(links()).toBe(0);

  // The owner may: their own article's history opens for them.
  await addSession(context, owner, baseURL!);
  await tab.goto(`/admin/articles/${a.id}/revisions`);
  await expect(tab.getByTestId('revision-row-2')).toBeVisible();
  await context.close();

  // The same forged bytes work for the editor: the refusal came from the permission check.
  const allowed = await page.context().request.post(`/admin/articles/${a.id}/revisions`, { headers, data: forged.body, maxRedirects: 0 });
  expect(allowed.ok()).toBe(true);
  expect(state()).not.toEqual(before);
  expect((testDb().prepare('SELECT title FROM articles WHERE id = ?').get(a.id) as { title: string }).title).toBe(a.oldTitle);
  const editorLink = await page.context().request.post(`/admin/articles/${a.id}/revisions`, { headers: linkHeaders, data: forgedLink.body, maxRedirects: 0 });
  expect(await editorLink.text()).toContain(`/preview/${a.id}?token=`);
  expect(links()).toBe(1);
});

test('a contributor cannot restore an old revision over their own published or scheduled article: no button, and a forged restore is refused', async ({ page, signInAs, browser, baseURL }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('contributor');
  const editor = await signInAs('editor');
  for (const status of ['published', 'scheduled'] as const) {
    const a = arrangeDraft(owner, editor);
    const when = status === 'published' ? Date.now() - 60_000 : Date.now() + 86_400_000;
    testDb()
      .prepare(`UPDATE articles SET status = ?, published_at = ?, scheduled_at = ? WHERE id = ?`)
      .run(status, status === 'published' ? when : null, status === 'scheduled' ? when : null, a.id);

    // The editor may restore: capture that request without letting it through.
    await page.goto(`/admin/articles/${a.id}/revisions`);
    await page.waitForLoadState('networkidle');
    const forged = await captureAction(page, a.id, () => restoreVersion(page, 1));
    const state = () => testDb().prepare('SELECT title, status, version FROM articles WHERE id = ?').get(a.id);
    const before = state();

    const context = await browser.newContext();
    await addSession(context, owner, baseURL!);
    const tab = await context.newPage();
    await tab.goto(`/admin/articles/${a.id}/revisions`);
    await expect(tab.getByTestId('revision-row-1')).toBeVisible();
    await expect(tab.getByRole('button', { name: /Restore this revision/ })).toHaveCount(0);
    await expect(tab.getByTestId('restore-unavailable')).toContainText('only someone who may publish it can restore');

    const response = await context.request.post(`/admin/articles/${a.id}/revisions`, { headers: replayHeaders(forged), data: forged.body, maxRedirects: 0 });
    expect(await response.text(), status).toContain('You are not allowed to do that.');
    expect(state(), status).toEqual(before);
    expect(countRows('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id), status).toBe(2);
    await context.close();
  }
});

interface Captured {
  headers: Record<string, string>;
  body: Buffer;
}

// The next server action request the page sends, stopped before it reaches the server.
async function captureAction(page: Page, articleId: number, trigger: () => Promise<void>): Promise<Captured> {
  let resolve!: (c: Captured) => void;
  const captured = new Promise<Captured>((r) => (resolve = r));
  await page.route(`**/admin/articles/${articleId}/revisions*`, async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) {
      resolve({ headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  const result = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
}

function replayHeaders(c: Captured): Record<string, string> {
  return Object.fromEntries(Object.entries(c.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)));
}

test('the revisions page, with its diff, and the preview have no serious axe violation in either theme', async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  const owner = await createTestUser('author');
  const editor = await signInAs('editor');
  const a = arrangeDraft(owner, editor);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [`/admin/articles/${a.id}/revisions`, `/preview/${a.id}`]) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious, `${url} in ${scheme}`).toEqual([]);
    }
  }
});
