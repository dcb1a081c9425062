import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The scheduler's trigger is an ordinary URL on the server, so anyone can call it: it publishes
// only for the in-process scheduler (server/scheduler.ts), which alone holds the token.

vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-publish-due-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('@/db/client');
const { POST } = await import('./route');
const { getSchedulerStatus, runSchedulerOnce } = await import('@/server/scheduler');
const { sqlite } = getConnection();

const HOUR = 3_600_000;
let overdue: number;
let later: number;

// Publishable articles (a byline, a written body): one an hour overdue, one due tomorrow.
beforeEach(() => {
  sqlite.exec(`DELETE FROM article_bylines; DELETE FROM revisions; DELETE FROM articles; DELETE FROM bylines; DELETE FROM sections;`);
  sqlite.exec(`INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0)`);
  sqlite.exec(`INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar')`);
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met.' }] }] });
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, section_id, title, body, body_text, word_count, status, scheduled_at)
     VALUES (?, 1, ?, ?, 'The council met.', 3, 'scheduled', ?) RETURNING id`,
  );
  const byline = sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, 1, 0)');
  overdue = (insert.get('fell-due', 'Fell due an hour ago', body, Date.now() - HOUR) as { id: number }).id;
  later = (insert.get('tomorrow', 'Due tomorrow', body, Date.now() + 24 * HOUR) as { id: number }).id;
  byline.run(overdue);
  byline.run(later);
});

afterEach(() => vi.unstubAllGlobals());

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const statusOf = (id: number) => sqlite.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(id);
const call = (headers: Record<string, string>) =>
  POST(new Request('http://127.0.0.1:3000/api/internal/publish-due', { method: 'POST', headers }));

describe('POST /api/internal/publish-due', () => {
  it('refuses a call from outside, whatever it sends, and publishes nothing', async () => {
    const outsiders: Record<string, string>[] = [
      {},
      { 'x-gazette-scheduler': '' },
      { 'x-gazette-scheduler': 'a'.repeat(64) },
      { 'x-gazette-scheduler': '0'.repeat(64) },
      { 'x-gazette-scheduler': 'token' },
      { authorization: 'Bearer a' },
    ];
    for (const headers of outsiders) {
      const response = await call(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual({ error: 'Forbidden' });
    }
    expect(statusOf(overdue)).toBe('scheduled');
    expect(statusOf(later)).toBe('scheduled');
  });

  it('publishes what is due when the scheduler in this process calls, and only that', async () => {
    // The scheduler's request, answered by the route in this process instead of over a socket.
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => POST(new Request(url, init)));
    await runSchedulerOnce('http://127.0.0.1:3000');
    expect(getSchedulerStatus()).toMatchObject({ lastError: null, lastPublished: [overdue] });
    expect(statusOf(overdue)).toBe('published');
    expect(statusOf(later)).toBe('scheduled');
  });
});
