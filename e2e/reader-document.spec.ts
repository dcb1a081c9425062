import { gzipSync } from 'node:zlib';
import { expect, type APIRequestContext } from '@playwright/test';
import { test } from './auth-fixtures';
import { insertArticle } from './desk-fixtures';
import { getArticleWithVideo, getPublishedArticle, getSeededLiveStory, openTestDb } from './fixtures';
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

// A class name as it appears in a stylesheet's selector: `md:p-6` is `.md\:p-6`, `2xl:x` is `.\32 xl\:x`.
function selectorOf(className: string): string {
  const head = /^[0-9]/.test(className) ? `\\3${className[0]} ` : className[0]!.replace(/[^a-zA-Z0-9_-]/, (c) => `\\${c}`);
  return `.${head}${className.slice(1).replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`)}`;
}

function hasRuleFor(sheet: string, className: string): boolean {
  const selector = selectorOf(className);
  for (let at = sheet.indexOf(selector); at !== -1; at = sheet.indexOf(selector, at + 1)) {
    if (!/[a-zA-Z0-9_\\-]/.test(sheet[at + selector.length] ?? '')) return true;
  }
  return false;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" })[name]!);
}

async function stylesheetsOf(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const sheets = await Promise.all(hrefs.map(async (href) => (await request.get(href)).text()));
  return { html, hrefs, css: sheets.join('\n') };
}

test('reader pages get the reader stylesheet, which styles every class they carry that the newsroom sheet styles', async ({ request }) => {
  // The newsroom's sheet holds every class the project uses (the sign-in page carries it).
  const newsroom = await stylesheetsOf(request, '/login');
  const embeds = openTestDb()
    .prepare(`SELECT s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.status = 'published' AND a.body LIKE '%"socialPost"%' LIMIT 1`)
    .get() as { section: string; slug: string } | undefined;
  expect(embeds, 'the demo carries an article with embeds').toBeDefined();
  const pages = [...readerPages(), { name: 'live coverage', path: getSeededLiveStory().url }, { name: 'embeds', path: `/${embeds!.section}/${embeds!.slug}` }];
  for (const page of pages) {
    const reader = await stylesheetsOf(request, page.path);
    expect(reader.hrefs.length, page.name).toBeGreaterThan(0);
    expect(reader.css.length, `${page.name}: a smaller sheet than the newsroom's`).toBeLessThan(newsroom.css.length * 0.8);
    const classes = new Set([...reader.html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => decodeEntities(m[1]!).split(/\s+/).filter(Boolean)));
    const unstyled = [...classes].filter((name) => hasRuleFor(newsroom.css, name) && !hasRuleFor(reader.css, name));
    expect(unstyled, page.name).toEqual([]);
  }
});

test('the masthead date stands until its day is over in the newsroom zone, then the island shows the new day', async ({ browser, request }) => {
  const html = await (await request.get('/')).text();
  const validUntil = Number(/data-valid-until="(\d+)"/.exec(html)?.[1]);
  const timeZone = /data-time-zone="([^"]+)"/.exec(html)?.[1];
  expect(validUntil).toBeGreaterThan(Date.now());
  const label = (at: number) =>
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(at);
  // Before midnight in the newsroom's zone the page's own date stands; after it, the island rolls it over.
  for (const [at, expected] of [
    [validUntil - 60_000, label(validUntil - 60_000)],
    [validUntil + 60_000, label(validUntil + 60_000)],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: at });
    await page.goto('/');
    await expect(page.getByRole('banner').getByTestId('masthead-date')).toHaveText(expected);
    await context.close();
  }
  expect(label(validUntil + 60_000)).not.toBe(label(validUntil - 60_000));
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
