import { gzipSync } from 'node:zlib';
import { expect, type APIRequestContext } from '@playwright/test';
import { test } from './auth-fixtures';
import { insertArticle } from './desk-fixtures';
import { getArticleWithVideo, getPublishedArticle } from './fixtures';
import { biggest } from './reader-fixtures';

// Reader pages go out as reader documents (gateway/reader-document.mjs): Next's scripts, script
// preloads and RSC payload taken off, the page's islands kept. This pins what that relies on in
// Next's output, so an upgrade that changes it fails here: every reader page is complete HTML
// with no script but JSON-LD and islands, and the newsroom's preview still gets the App Router.

const ISLAND = /^\/islands\/[a-z-]+\.[A-Z0-9]+\.js$/;

function readerPages(): { name: string; path: string; status?: number }[] {
  const article = getPublishedArticle();
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: article.url },
    { name: 'article with a video', path: getArticleWithVideo().url },
    { name: 'section front', path: `/${biggest('section').slug}` },
    { name: 'section front, page 2', path: `/${biggest('section').slug}?page=2` },
    { name: 'tag page', path: `/tag/${biggest('tag').slug}` },
    { name: 'author page', path: `/author/${biggest('byline').slug}` },
    { name: 'News Feed', path: '/news-feed' },
    { name: 'corrections', path: '/corrections' },
    { name: 'search results', path: '/search?q=council' },
    { name: 'made-up address', path: '/no-such-section/no-such-story', status: 404 },
    { name: 'unknown article in a real section', path: `/${article.sectionSlug}/no-such-story-e2e`, status: 404 },
    { name: 'section front past its last page', path: `/${biggest('section').slug}?page=9999`, status: 404 },
    { name: 'corrections past the last page', path: '/corrections?page=999', status: 404 },
  ];
}

async function scriptsOf(request: APIRequestContext, path: string, status = 200) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(status);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({ attributes: m[1]!, body: m[2]! }));
  return { response, html, scripts };
}

test('every reader page is a reader document: complete HTML, JSON-LD and islands its only scripts', async ({ request }) => {
  for (const page of readerPages()) {
    const { response, html, scripts } = await scriptsOf(request, page.path, page.status);
    for (const script of scripts) {
      const json = /type="application\/ld\+json"/.test(script.attributes);
      const src = /\bsrc="([^"]+)"/.exec(script.attributes)?.[1];
      expect(json || (src !== undefined && ISLAND.test(src) && script.body === ''), `${page.name}: <script${script.attributes}>`).toBe(true);
    }
    // Nothing of the framework's JavaScript is asked for (its stylesheet and fonts stay).
    const nextFiles = [...html.matchAll(/\/_next\/static\/[^"' )]+/g)].map((m) => m[0]);
    expect(nextFiles.filter((file) => !/\.(?:css|woff2)$/.test(file)), page.name).toEqual([]);
    expect(html, page.name).not.toContain('__next_f');
    expect(html, page.name).not.toMatch(/rel="(?:modulepreload|preload)"[^>]*as="script"|as="script"[^>]*rel="preload"/);
    // Complete without scripts: nothing streamed into hidden placeholders for a script to reveal.
    expect(html, page.name).not.toMatch(/<template\b|<div hidden[^>]*id="S:/);
    expect(html, page.name).toMatch(/<main\b[^>]*id="main"/);
    // No inline script may run on a reader page.
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(/script-src [^;]*'unsafe-inline'/.test(policy), `${page.name}: ${policy}`).toBe(false);
    expect(policy, page.name).toContain("script-src 'self'");
  }
});

test('a page loads only the islands it shows, each once, within the budget of 30 KB gzipped', async ({ request }) => {
  const islandsOf = async (path: string) => {
    const { scripts } = await scriptsOf(request, path);
    return scripts.map((s) => /\bsrc="\/islands\/([a-z-]+)\./.exec(s.attributes)?.[1]).filter((name): name is string => !!name);
  };
  const video = await islandsOf(getArticleWithVideo().url);
  expect(video).toContain('video-facade');
  expect(video).toContain('view-beacon');
  expect(new Set(video).size, 'each island once').toBe(video.length);
  const home = await islandsOf('/');
  expect(home).not.toContain('video-facade');
  expect(home).not.toContain('view-beacon');
  expect(home).toContain('today-date');

  for (const page of readerPages().filter((p) => !p.status)) {
    const { scripts } = await scriptsOf(request, page.path);
    let bytes = 0;
    for (const script of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(script.attributes)?.[1];
      if (!src) continue;
      const file = await request.get(src);
      expect(file.status(), src).toBe(200);
      expect(file.headers()['cache-control'], src).toContain('immutable');
      bytes += gzipSync(await file.body()).length;
    }
    expect(bytes, `${page.name}: ${bytes} bytes of JavaScript gzipped`).toBeLessThanOrEqual(30 * 1024);
  }
});

test('the article weighs what it shows: at most 50 KB of HTML, 12 KB gzipped', async ({ request }) => {
  const { html } = await scriptsOf(request, getPublishedArticle().url);
  expect(Buffer.byteLength(html), 'raw HTML').toBeLessThanOrEqual(50 * 1024);
  expect(gzipSync(html).length, 'gzipped HTML').toBeLessThanOrEqual(12 * 1024);
});

test('a reader document keeps its validator: the same page again is a 304', async ({ request }) => {
  const path = `/${biggest('section').slug}`;
  const first = await request.get(path);
  const etag = first.headers().etag;
  expect(etag).toBeTruthy();
  const again = await request.get(path, { headers: { 'if-none-match': etag! } });
  expect(again.status()).toBe(304);
});

test('the newsroom preview keeps the App Router: Next still sends its scripts and payload there', async ({ page, signInAs }) => {
  await signInAs('editor');
  const draft = insertArticle({ title: `App Router preview ${Date.now()}` });
  const response = await page.goto(`/preview/${draft.id}`);
  expect(response?.status()).toBe(200);
  const html = await response!.text();
  expect(html).toContain('self.__next_f');
  expect(html).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js"/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(draft.title);
});
