import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { TEST_DB_PATH } from './fixtures';

// A scheduled article goes live at its time with nobody clicking: its page
// stops being a 404 and it appears in its section's list and on the front page.
test('a scheduled article publishes itself on time and appears everywhere', { tag: '@desktop' }, async ({ request }) => {
  test.setTimeout(60_000);
  // Arrange in the database as the desk would have: a draft, scheduled a few seconds ahead.
  const db = new Database(TEST_DB_PATH);
  const draft = db
    .prepare(
      `SELECT a.id, a.title, a.slug, s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id
       WHERE a.status = 'draft' AND a.kind <> 'feed' ORDER BY a.id LIMIT 1`,
    )
    .get() as { id: number; title: string; slug: string; section: string };
  expect(draft).toBeDefined();
  const url = `/${draft.section}/${draft.slug}`;

  // Before: not public, and the 404 is what the cache holds for that address.
  expect((await request.get(url)).status()).toBe(404);
  expect(await (await request.get(`/${draft.section}`)).text()).not.toContain(draft.title);

  db.prepare(`UPDATE articles SET status = 'scheduled', scheduled_at = ? WHERE id = ?`).run(Date.now() + 3_000, draft.id);
  db.close();

  await expect.poll(async () => (await request.get(url)).status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
  const page = await (await request.get(url)).text();
  expect(page).toContain(draft.title.replace(/&/g, '&amp;').replace(/'/g, '&#x27;'));
  expect(await (await request.get(`/${draft.section}`)).text()).toContain(`href="${url}"`);
  expect(await (await request.get('/')).text()).toContain(`href="${url}"`);

  const check = new Database(TEST_DB_PATH, { readonly: true });
  const row = check.prepare('SELECT status, published_at FROM articles WHERE id = ?').get(draft.id) as {
    status: string;
    published_at: number;
  };
  check.close();
  expect(row.status).toBe('published');
  expect(row.published_at).toBeGreaterThan(0);
});
