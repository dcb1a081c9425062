import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createTestUser, expect, test } from './auth-fixtures';
import { copyTestData, OWN_BASE, sessionCookie, startOwnServer, stopOwnServer, waitUntilUp } from './own-server';

// The server dies mid-typing (SIGKILL: no shutdown hooks, no flush). The editor keeps the words,
// says it is offline, and saves them when the server is back; every save that was acknowledged
// is in the revisions, and the database is intact. This test runs its own server on a copy of
// the e2e data so the shared one stays up for the other journeys.

const BASE = OWN_BASE;

test('killing the server mid-typing loses nothing the editor showed; revisions hold every save', async ({ browser }) => {
  test.setTimeout(90_000);
  const user = await createTestUser('editor');
  const dataDir = await copyTestData('gazette-crash-');
  const db = new Database(path.join(dataDir, 'gazette.db'));
  const draft = db.prepare(`SELECT id FROM articles WHERE status = 'draft' AND deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: number };
  db.close();

  let server = await startOwnServer(dataDir);
  try {
    await waitUntilUp(server);
    const context = await browser.newContext();
    const cookie = await sessionCookie(user, dataDir);
    await context.addCookies([{ name: 'authjs.session-token', value: cookie, url: BASE, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/admin/articles/${draft.id}`);
    const body = page.getByTestId('body-editor');
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' First sentence, saved before the crash.');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

    // The server dies half-way through the sentence, so the rest can only be saved after it is back.
    await page.keyboard.type(' Second sentence,');
    await stopOwnServer(server, 'SIGKILL');
    await page.keyboard.type(' typed as the server died.');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await expect(body).toContainText('typed as the server died.');

    server = await startOwnServer(dataDir);
    await waitUntilUp(server);
    // The editor retries on its own.
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });

    const check = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = check.prepare('SELECT body_text AS text, version FROM articles WHERE id = ?').get(draft.id) as { text: string; version: number };
    expect(row.text).toContain('First sentence, saved before the crash.');
    expect(row.text).toContain('Second sentence, typed as the server died.');
    const saved = check
      .prepare(`SELECT json_extract(snapshot, '$.body') AS body FROM revisions WHERE article_id = ? AND user_id = ? ORDER BY id`)
      .pluck()
      .all(draft.id, user.id) as string[];
    check.close();
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]).toContain('First sentence');
    expect(saved.at(-1)).toContain('Second sentence');
    await context.close();
  } finally {
    await stopOwnServer(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('readiness turns 503 when the database file is made unreadable, and recovers', async () => {
  const dataDir = await copyTestData('gazette-health-');
  const server = await startOwnServer(dataDir);
  try {
    await waitUntilUp(server);
    const file = path.join(dataDir, 'gazette.db');
    fs.chmodSync(file, 0o000);
    const down = await fetch(`${BASE}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ready: false, checks: { database: { ok: false, error: 'database file is not readable and writable' } } });
    fs.chmodSync(file, 0o644);
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  } finally {
    await stopOwnServer(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
