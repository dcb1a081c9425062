import path from 'node:path';
import { createTestUser, expect, test, testDb } from './auth-fixtures';
import { articleInput, TEST_DB_PATH } from './fixtures';
import { sessionCookie } from './own-server';

// The page cache in front of Next (gateway/page-cache.mjs, decision 008), on the real server
// (scripts/start.mjs): readers get cached pages from memory, and a newsroom change is on the
// very next anonymous request, never a stale copy.

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function get(base: string, url: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + url, { headers: { ...BROWSER, ...headers } });
  return { status: response.status, cache: response.headers.get('x-gazette-cache'), body: await response.text() };
}

test('a public page is replayed from memory; the newsroom, search and signed-in readers go to Next', async ({ baseURL }) => {
  const base = baseURL!;
  const first = await get(base, '/politics');
  const second = await get(base, '/politics');
  expect(second.status).toBe(200);
  expect(second.cache).toBe('HIT');
  expect(second.body).toBe(first.body);

  expect((await get(base, '/politics', { cookie: 'authjs.session-token=whatever' })).cache).toBeNull();
  // Cookies the site never reads (analytics, consent) change nothing: the same cached bytes.
  const withAnalytics = await get(base, '/politics', { cookie: '_ga=GA1.1.12345.67890; _gid=GA1.2.2; cookie_consent=all' });
  expect(withAnalytics.cache).toBe('HIT');
  expect(withAnalytics.body).toBe(first.body);
  // Search results are kept a minute in their own cache (Next marks them private: for browsers).
  await get(base, '/search?q=council');
  expect((await get(base, '/search?q=council')).cache).toBe('HIT');
  await get(base, '/login');
  expect((await get(base, '/login')).cache).toBeNull();
  await get(base, '/api/health');
  expect((await get(base, '/api/health')).cache).toBeNull();
  // A page that does not exist is never kept as a page: every made-up address gets the one
  // stored 404.
  await get(base, '/politics/no-such-story');
  const missing = await get(base, '/politics/no-such-story-either');
  expect(missing.status).toBe(404);
  expect(missing.cache).toBe('NOT-FOUND');
});

test('a signed-in editor with analytics cookies gets fresh, personal newsroom answers, never a cached page', async ({ baseURL }) => {
  const base = baseURL!;
  const editor = await createTestUser('editor', { name: `Editor ${Date.now()}` });
  const cookie = `_ga=GA1.1.1.2; authjs.session-token=${await sessionCookie(editor, path.dirname(TEST_DB_PATH))}; cookie_consent=all`;
  for (let i = 0; i < 2; i++) {
    const desk = await get(base, '/admin', { cookie });
    expect(desk.status).toBe(200);
    expect(desk.cache).toBeNull();
    expect(desk.body).toContain(editor.name);
    expect((await get(base, '/politics', { cookie })).cache).toBeNull();
  }
});

test('an edit to a live article is on the next anonymous request, then cached again', async ({ baseURL }) => {
  const base = baseURL!;
  const db = testDb();
  // The oldest live news story: no other journey asserts its standfirst.
  const story = db
    .prepare(
      `SELECT a.id, a.version, s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
       WHERE a.status = 'published' AND a.kind = 'news' AND a.deleted_at IS NULL ORDER BY a.published_at LIMIT 1`,
    )
    .get() as { id: number; version: number; section: string; slug: string };
  const url = `/${story.section}/${story.slug}`;
  const original = articleInput(db, story.id);
  const editor = await createTestUser('editor');
  const cookie = await sessionCookie(editor, path.dirname(TEST_DB_PATH));
  const put = (version: number, dek: string) =>
    fetch(`${base}/api/admin/articles/${story.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: `authjs.session-token=${cookie}`, Origin: base },
      body: JSON.stringify({ version, article: { ...original, dek } }),
    });

  await get(base, url);
  expect((await get(base, url)).cache).toBe('HIT');
  const dek = `Standfirst rewritten at ${Date.now()}`;
  const saved = await put(story.version, dek);
  expect(saved.status).toBe(200);
  const { version } = (await saved.json()) as { version: number };
  try {
    const after = await get(base, url);
    expect(after.cache).toBeNull();
    expect(after.body).toContain(dek);
    const again = await get(base, url);
    expect(again.cache).toBe('HIT');
    expect(again.body).toContain(dek);
  } finally {
    expect((await put(version, original.dek)).status).toBe(200);
  }
  expect((await get(base, url)).body).not.toContain(dek);
});
