import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { countRows, expect, test } from './auth-fixtures';
import Database from 'better-sqlite3';
import { firstSection } from './desk-fixtures';
import { copyTestData, OWN_BASE, startOwnServer, stopOwnServer, waitUntilUp } from './own-server';

// What a scanner, a forger or a flood sends, answered cheaply and without a 500: broken
// addresses are a 400 before any route runs, a cross-site server action a 403, an oversized JSON
// body a 413, and a made-up address costs no disk.

const ROUTE_CACHE = path.join(__dirname, '..', '.next', 'server', 'route-cache');

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' });
}

test('broken percent-encoding and escaped separators answer 400, not 500 or a redirect loop', { tag: '@desktop' }, async ({ request }) => {
  for (const url of ['/%ff', '/city/%ff%fe', '/media/%ff.jpg', '/api/admin/articles/%ff', '/city/a%2f..%2fb', '/tag/%5cevil', '/author/a%00b']) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
    expect(response.headers()['cache-control'], url).toBe('no-store');
  }
  // A query string is the page's own business: search still answers.
  expect((await request.get('/search?q=%ff')).status()).toBeLessThan(500);
});

test('odd input to every public route answers without a server error', { tag: '@desktop' }, async ({ request }) => {
  const section = firstSection().slug;
  const urls = [
    '/?page=x',
    `/${section}?page=99999999`,
    `/${section}?page=-1`,
    `/${section}?page=0`,
    `/${section}?page=`,
    '/corrections?page=abc',
    '/corrections?page=999999',
    '/tag/',
    '/author/%20',
    `/${section}/slug/extra`,
    '/search?q=%ff',
    '/search?q=%22',
    '/search?q=&page=abc',
    '/search?page=99999',
    `/search?q=${'x'.repeat(5000)}`,
    '/rss.xml?x=%ff',
    '/news-sitemap.xml?x',
    '/sitemaps/abc',
    '/sitemaps/articles-99999.xml',
    '/social-card/x',
    '/social-card/a/b/c/d',
    '/media-crop/abc/x.jpg',
    '/media-crop/16x9/nope.jpg',
    '/media/nope.jpg',
    '/_next/image?url=%2Fmedia%2Fnope.jpg&w=640&q=75',
    '/_next/image?url=http%3A%2F%2Fevil.example%2Fa.jpg&w=640&q=75',
    '/_next/image?url=%2Fmedia%2Fx.jpg&w=7&q=1',
    '/preview/abc',
    '/preview/1?token=garbage',
    '/login?next=%ff',
    '/login?next=/%5cevil',
    '/api/health?x=1',
  ];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
  }
  for (const [url, data] of [
    ['/api/views', '{"articleId": 1e400}'],
    ['/api/views', '[]'],
    ['/api/views', 'null'],
  ] as const) {
    const response = await request.post(url, { headers: { origin: 'http://127.0.0.1', 'content-type': 'text/plain' }, data });
    expect(response.status(), `${url} ${data}`).toBeLessThan(500);
  }
});

test('a server action posted from another site is a 403, wherever it is sent', { tag: '@desktop' }, async ({ request }) => {
  for (const url of ['/admin/users', '/login', '/city']) {
    const response = await request.post(url, {
      headers: { 'next-action': '7f'.padEnd(42, '0'), origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(response.status(), url).toBe(403);
  }
});

test('the newsroom JSON API refuses bodies over its limit with 413 and keeps nothing', { tag: '@desktop' }, async ({ page, signInAs, baseURL }) => {
  const user = await signInAs('author');
  const origin = new URL(baseURL!).origin;
  const before = countRows('SELECT count(*) AS n FROM articles WHERE created_by = ?', user.id);
  const huge = JSON.stringify({ article: { title: 'x'.repeat(6 * 1024 * 1024) } });
  const response = await page.context().request.post('/api/admin/articles', { headers: { origin, 'content-type': 'application/json' }, data: huge });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ ok: false, reason: 'too_large' });
  const tag = await page.context().request.post('/api/admin/tags', { headers: { origin, 'content-type': 'application/json' }, data: JSON.stringify({ name: 'y'.repeat(200_000) }) });
  expect(tag.status()).toBe(413);
  expect(countRows('SELECT count(*) AS n FROM articles WHERE created_by = ?', user.id)).toBe(before);
});

test('made-up addresses under sections, tags and authors answer 404 and write nothing to disk', { tag: '@desktop' }, async ({ request }) => {
  const marker = `nope-${randomUUID().slice(0, 8)}`;
  const section = firstSection().slug;
  for (const url of [`/${section}/${marker}-1`, `/tag/${marker}-2`, `/author/${marker}-3`, `/${section}/${marker}-4`, `/tag/${marker}-5/rss.xml`]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
  }
  expect(filesUnder(ROUTE_CACHE).filter((file) => file.includes(marker))).toEqual([]);
});

test('with no proxy trusted, the client address is the socket, whatever X-Forwarded-For says', { tag: '@desktop' }, async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = await copyTestData('gazette-forwarding-');
  const server = await startOwnServer(dataDir);
  try {
    await waitUntilUp(server);
    const email = `forwarding-${randomUUID().slice(0, 8)}@gazette.test`;
    // A failed sign-in is audited with the client address: send one claiming to come from elsewhere.
    const browserContext = await browser.newContext({ baseURL: OWN_BASE, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.200', 'x-forwarded-host': 'evil.example' } });
    const tab = await browserContext.newPage();
    await tab.goto('/login');
    await tab.getByLabel('Email').fill(email);
    await tab.getByLabel('Password').fill('not-the-password');
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.getByTestId('sign-in-error')).toBeVisible();
    await browserContext.close();
    const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
    const row = db.prepare(`SELECT ip FROM audit_log WHERE action = 'auth.sign_in_failed' AND actor_email = ?`).get(email) as { ip: string } | undefined;
    db.close();
    expect(row?.ip).toBe('127.0.0.1');
  } finally {
    await stopOwnServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
