import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { createTestUser, expect, test, type TestUser } from './auth-fixtures';
import { copyTestData, OWN_BASE, OWN_PORT, sessionCookie, startOwnServer, stopOwnServer, waitUntilUp } from './own-server';

// Readers first (docs/decisions/009-readers-first.md), on a server of its own with the
// production budgets: over-budget clients get 429 with Retry-After, a full render queue answers
// 503, a flood of made-up addresses leaves the data and build folders as they were, readers'
// cached pages answer 200 throughout — and a crawler or a whole newsroom working normally never
// meets a limit. The server trusts one proxy, so each simulated client has its own address.

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let server: ChildProcess;
let newsroom: TestUser[];
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36' };
let lastAddress = 0;
const newAddress = () => {
  lastAddress += 1;
  return `198.18.${200 + Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
const get = (url: string, address: string, headers: Record<string, string> = {}) =>
  fetch(`${OWN_BASE}${url}`, { headers: { ...BROWSER, 'x-forwarded-for': address, ...headers }, redirect: 'manual' });

// Requests that reach the server at the same moment: every connection is opened first, then all
// the requests are written in one go (fetch opens its connections as it goes, and on a busy
// machine they trickle in slower than the server renders, so no queue would ever fill).
async function burst(requests: { path: string; address: string }[]): Promise<{ status: number; retryAfter: string | null }[]> {
  const sockets = await Promise.all(
    requests.map(
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(OWN_PORT, '127.0.0.1', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const answers = sockets.map(
    (socket) =>
      new Promise<string>((resolve, reject) => {
        let head = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => {
          head += chunk;
        });
        socket.once('end', () => resolve(head));
        socket.once('error', reject);
      }),
  );
  requests.forEach(({ path: url, address }, i) => {
    sockets[i]!.write(
      `GET ${url} HTTP/1.1\r\nHost: ${new URL(OWN_BASE).host}\r\nUser-Agent: ${BROWSER['user-agent']}\r\nAccept-Encoding: gzip\r\nX-Forwarded-For: ${address}\r\nConnection: close\r\n\r\n`,
    );
  });
  return (await Promise.all(answers)).map((raw) => ({
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0),
    retryAfter: /\r\nretry-after: *([^\r]*)/i.exec(raw)?.[1] ?? null,
  }));
}

// Asks for a page until the page cache holds it. A fresh server's copy from the build may be past
// its s-maxage: Next then answers "stale" (never kept) until its background render is done.
async function cachedNow(url: string): Promise<void> {
  await expect
    .poll(async () => (await get(url, newAddress())).headers.get('x-gazette-cache'), { timeout: 30_000, intervals: [100, 250, 500] })
    .toBe('HIT');
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

// The newest live story of this server's own copy of the data (the suite's database moves on
// while this runs: a story published there since the copy is not here).
function liveArticle(): string {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT '/' || s.slug || '/' || a.slug AS url FROM articles a JOIN sections s ON s.id = a.section_id
          WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.published_at <= ? ORDER BY a.published_at DESC LIMIT 1`,
      )
      .get(Date.now()) as { url: string };
    return row.url;
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  newsroom = [];
  for (let i = 0; i < 50; i++) newsroom.push(await createTestUser(i % 2 ? 'author' : 'editor'));
  dataDir = await copyTestData('gazette-readers-first-');
  // A small render pool (2 at once, 8 waiting), so that a burst of searches certainly finds it full.
  server = await startOwnServer(dataDir, { TRUSTED_PROXY: '1', GAZETTE_RENDER_POOL: '2/8' });
  await waitUntilUp(server);
});

test.afterAll(async () => {
  if (server) await stopOwnServer(server);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('more renders than the pool and its queue hold: the rest get 503 with Retry-After at once, cached pages 200', async () => {
  test.setTimeout(60_000);
  const article = liveArticle();
  await cachedNow(article);
  // 150 distinct searches at the same moment, each from its own address (no budget is hit), none
  // asked before (an answer kept by an earlier run would take no time to render). The first
  // searches this server answers: until Next has rendered one search page whole, it renders every
  // one whole; after, only the body of each is rendered, into the page kept from it
  // (gateway/search-pages.mjs), too quickly on the demo data to fill the pool. So this test runs
  // first, and a retry gets a fresh server (beforeAll).
  const run = Date.now().toString(36);
  const searches = burst(Array.from({ length: 150 }, (_, i) => ({ path: `/search?q=pool${run}x${i}`, address: newAddress() })));
  const readers = Array.from({ length: 20 }, () => get(article, newAddress()));
  const answers = await searches;
  const statuses = answers.map((r) => r.status);
  const counts = JSON.stringify(statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {}));
  expect(statuses.filter((s) => s === 503).length, counts).toBeGreaterThan(0);
  expect(statuses.every((s) => s === 200 || s === 503), counts).toBe(true);
  const refused = answers.find((r) => r.status === 503)!;
  expect(refused.retryAfter).toBe('2');
  expect((await Promise.all(readers)).map((r) => r.status)).toEqual(Array(20).fill(200));
});

test('a searcher past the budget gets 429 with Retry-After; another reader still searches, and cached pages answer', async () => {
  test.setTimeout(60_000);
  const flooder = newAddress();
  const statuses: number[] = [];
  // Distinct queries, as a search-spam bot sends them, faster than any person types.
  for (let i = 0; i < 40 && !statuses.includes(429); i++) {
    const response = await get(`/search?q=council${i}`, flooder);
    statuses.push(response.status);
    if (response.status === 429) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  }
  expect(statuses).toContain(429);
  expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  // Someone else is not held back by the flooder, and the article page is served from memory.
  expect((await get('/search?q=council', newAddress())).status).toBe(200);
  const article = liveArticle();
  await cachedNow(article);
  const cached = await get(article, flooder);
  expect(cached.status).toBe(200);
  expect(cached.headers.get('x-gazette-cache')).toBe('HIT');
});

test('a flood of made-up addresses answers 404 from one stored page and leaves the data and build folders the same size', async () => {
  test.setTimeout(90_000);
  // The build folder is shared with the suite's main server, which may rightly add pages while
  // this runs: nothing of this flood's addresses may appear in it.
  const buildDir = path.join(__dirname, '..', '.next', 'server');
  const article = liveArticle();
  const before = folderBytes(dataDir);
  const marker = `made-up-${Date.now()}`;
  let served = 0;
  for (let round = 0; round < 10; round++) {
    // Each round from fresh addresses, as a scanner spread over many machines would.
    const address = newAddress();
    const urls = [`/city/${marker}-${round}`, `/tag/${marker}-${round}`, `/author/${marker}-${round}`, `/${marker}-${round}`, `/wp-login.php?${round}`, `/.env?${round}`];
    const statuses = (await Promise.all(urls.map((u) => get(u, address)))).map((r) => r.status);
    expect(statuses).toEqual(Array(urls.length).fill(404));
    served += urls.length;
    expect((await get(article, newAddress())).status).toBe(200);
  }
  const replayed = await get(`/city/${marker}-again`, newAddress());
  expect(replayed.status).toBe(404);
  expect(replayed.headers.get('x-gazette-cache')).toBe('NOT-FOUND');
  expect(await replayed.text()).toContain('Page not found');
  expect(served).toBe(60);
  expect(folderBytes(dataDir)).toBe(before);
  const written = fs.readdirSync(buildDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes(marker));
  expect(written).toEqual([]);
});

test('a crawler reading the sitemaps at 10 requests a second and fifty people in the newsroom never meet a limit', async () => {
  test.setTimeout(90_000);
  const crawler = newAddress();
  const sitemap = await (await get('/sitemap.xml', crawler)).text();
  const first = /<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/.exec(sitemap)![1]!;
  const pages = [...(await (await get(first, crawler)).text()).matchAll(/<loc>[^<]*?\/\/[^/]+(\/[^<]+)<\/loc>/g)].map((m) => m[1]!).slice(0, 60);
  expect(pages.length).toBeGreaterThan(20);
  for (const url of pages) {
    const response = await get(url, crawler, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    expect(response.status, url).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // The whole desk behind one office address, everyone at once: the dashboard, the article
  // list, the editor's tag look-up and a search, one after another.
  const office = newAddress();
  const cookies = await Promise.all(newsroom.map((user) => sessionCookie(user, dataDir)));
  const people = cookies.map(async (cookie) => {
    const seen: number[] = [];
    for (const url of ['/admin', '/admin/articles', '/api/admin/tags?q=a', '/search?q=council']) {
      seen.push((await get(url, office, { cookie: `authjs.session-token=${cookie}` })).status);
    }
    return seen;
  });
  const statuses = (await Promise.all(people)).flat();
  expect(statuses.filter((s) => s === 429 || s === 503)).toEqual([]);
  expect(statuses.every((s) => s === 200)).toBe(true);
});
