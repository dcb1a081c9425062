import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A server that was down when an article fell due publishes it as it starts: the start-up
// (instrumentation-node.ts) starts the scheduler, whose first run comes two seconds later — not
// after a whole interval. The clock is Vitest's, so the machine's speed decides nothing.

vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
// Process-wide exit and signal hooks are not what this test is about, and would outlive it.
vi.mock('./platform/shutdown', () => ({ installShutdownHandlers: () => {}, onShutdown: () => {} }));
vi.mock('./server/page-view-service', () => ({ registerPageViewShutdown: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-restart-'));
process.env.GAZETTE_DATA_DIR = dir;
delete process.env.GAZETTE_SCHEDULER_INTERVAL_MS;

afterAll(async () => {
  const { stopScheduler } = await import('./server/scheduler');
  stopScheduler();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('starting the server', () => {
  it('publishes an article that fell due while the server was down, on its first scheduler run', async () => {
    // The database as the stopped server left it: migrated, an article scheduled an hour ago.
    const { openConnection } = await import('./db/client');
    const before = openConnection(path.join(dir, 'gazette.db'));
    before.sqlite.exec(`
      INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
      INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
    `);
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met.' }] }] });
    const id = before.sqlite
      .prepare(
        `INSERT INTO articles (slug, section_id, title, body, body_text, word_count, status, scheduled_at)
         VALUES ('fell-due', 1, 'Fell due overnight', ?, 'The council met.', 3, 'scheduled', ?) RETURNING id`,
      )
      .pluck()
      .get(body, Date.now() - 3_600_000) as number;
    before.sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, 1, 0)').run(id);
    before.sqlite.close();

    // The scheduler's request to its own server, answered by the route in this process.
    const { POST } = await import('./app/api/internal/publish-due/route');
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => POST(new Request(url, init)));
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });

    const { registerNodeServer } = await import('./instrumentation-node');
    await registerNodeServer();
    const { getSchedulerStatus } = await import('./server/scheduler');
    expect(getSchedulerStatus()).toMatchObject({ running: true, intervalMs: 15_000, lastRunAt: null });

    // Two seconds after start-up, far short of the 15-second interval.
    await vi.advanceTimersByTimeAsync(2_000);
    // The run itself is in-process promises (the route, SQLite, the JSON answer): let them settle.
    let turns = 0;
    for (; turns < 1_000 && getSchedulerStatus().lastRunAt === null; turns++) await new Promise((resolve) => setImmediate(resolve));

    expect(getSchedulerStatus()).toMatchObject({ lastError: null, lastPublished: [id] });
    const after = new Database(path.join(dir, 'gazette.db'), { readonly: true });
    expect(after.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(id)).toBe('published');
    after.close();
  });
});
