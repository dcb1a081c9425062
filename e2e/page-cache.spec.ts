import path from 'node:path';
import { createTestUser, expect, test, testDb } from './auth-fixtures';
import { articleInput, TEST_DB_PATH } from './fixtures';
import { sessionCookie } from './own-server';

// The page cache in front of Next (lib/page-cache.mjs, decision 008), on the real server
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
  await get(base, '/search?q=council');
  expect((await get(base, '/search?q=council')).cache).toBeNull();
  await get(base, '/login');
  expect((await get(base, '/login')).cache).toBeNull();
  await get(base, '/api/health');
  expect((await get(base, '/api/health')).cache).toBeNull();
  // A page that does not exist is never kept.
  await get(base, '/politics/no-such-story');
  const missing = await get(base, '/politics/no-such-story');
  expect(missing.status).toBe(404);
  expect(missing.cache).toBeNull();
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
