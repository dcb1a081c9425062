import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The view beacon against a private database: which reader a view is counted for and which ids
// count at all. The recorder's own rules (the hourly bound, memory caps) are in
// platform/view-recorder.test.ts.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-views-'));
process.env.GAZETTE_DATA_DIR = dir;
delete process.env.TRUSTED_PROXY;

// next-auth does not load outside Next, so '@/auth' is replaced by its own definition of the
// client address, on the real gateway/request-guard.mjs.
vi.mock('@/auth', async () => {
  const { decideClientAddress, trustedProxyHops } = await import('@/gateway/request-guard.mjs');
  return {
    clientAddressFrom: (headers: Headers) =>
      decideClientAddress(headers.get('x-forwarded-for'), trustedProxyHops(process.env.TRUSTED_PROXY)),
  };
});

const { getConnection } = await import('@/db/client');
const { POST } = await import('./route');
const { getViewRecorder } = await import('@/server/page-view-service');

const { sqlite } = getConnection();
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const live = { rotating: 1, forwarded: 2, anonymous: 3, other: 4 };
const DRAFT = 10;
const DELETED = 11;

beforeAll(() => {
  sqlite.exec(`INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0)`);
  const insert = sqlite.prepare(
    `INSERT INTO articles (id, slug, section_id, title, body, status, published_at, deleted_at) VALUES (?, ?, 1, 'A story', '{}', ?, ?, ?)`,
  );
  for (const id of Object.values(live)) insert.run(id, `story-${id}`, 'published', Date.now(), null);
  insert.run(DRAFT, 'draft', 'draft', null, null);
  insert.run(DELETED, 'deleted', 'published', Date.now(), Date.now());
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function beacon(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest('http://gazette.test/api/views', {
      method: 'POST',
      headers: { origin: 'http://gazette.test', host: 'gazette.test', 'user-agent': READER_UA, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function reasons(requests: Promise<Response>[]): Promise<string[]> {
  return Promise.all(requests.map(async (r) => ((await (await r).json()) as { reason: string }).reason));
}

describe('POST /api/views', () => {
  it('counts one address once per article, whatever user agent it sends', async () => {
    const before = getViewRecorder().pendingCount();
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      results.push(...(await reasons([beacon({ articleId: live.rotating }, { 'x-forwarded-for': '203.0.113.7', 'user-agent': `${READER_UA} r/${i}` })])));
    }
    expect(results).toEqual(['counted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(getViewRecorder().pendingCount() - before).toBe(1);
  });

  it('takes the client address the app trusts, not the first X-Forwarded-For entry', async () => {
    const results: string[] = [];
    for (const claimed of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      results.push(...(await reasons([beacon({ articleId: live.forwarded }, { 'x-forwarded-for': `${claimed}, 198.51.100.20` })])));
    }
    expect(results).toEqual(['counted', 'duplicate', 'duplicate']);
    expect(await reasons([beacon({ articleId: live.forwarded }, { 'x-forwarded-for': '198.51.100.21' })])).toEqual(['counted']);
  });

  it('counts requests without an address as one unknown reader', async () => {
    const results: string[] = [];
    for (let i = 0; i < 3; i++) {
      results.push(...(await reasons([beacon({ articleId: live.anonymous }, { 'user-agent': `${READER_UA} r/${i}` })])));
    }
    expect(results).toEqual(['counted', 'duplicate', 'duplicate']);
  });

  it('answers 404 for an id that is not a live article and records nothing', async () => {
    const before = getViewRecorder().pendingCount();
    for (const articleId of [DRAFT, DELETED, 999_999]) {
      const response = await beacon({ articleId }, { 'x-forwarded-for': '203.0.113.50' });
      expect(response.status, String(articleId)).toBe(404);
      expect(await response.json()).toEqual({ counted: false, reason: 'unknown' });
    }
    expect(getViewRecorder().pendingCount()).toBe(before);
  });

  it('still refuses bots, other sites and large bodies', async () => {
    const bot = await beacon({ articleId: live.other }, { 'user-agent': 'curl/8.5.0' });
    expect(await bot.json()).toEqual({ counted: false, reason: 'bot' });
    expect((await beacon({ articleId: live.other }, { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await beacon(`{"articleId":${live.other},"pad":"${'x'.repeat(200)}"}`)).status).toBe(413);
  });
});
