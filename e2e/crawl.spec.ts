import { expect, test } from '@playwright/test';

// A crawler's walk over the demo site: breadth first from the home page over internal links.
// No broken internal link; every page has a title, a description, a canonical URL and exactly
// one h1; no two pages share a title.

const MAX_PAGES = 1_500;
const CONCURRENCY = 4;

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

test('a crawl of the whole site finds no broken link, missing metadata or duplicate title', async ({ request, baseURL }) => {
  test.setTimeout(600_000);
  const queue: string[] = ['/'];
  const seen = new Set<string>(queue);
  const linkedFrom = new Map<string, string>();
  const broken: string[] = [];
  const problems: string[] = [];
  const titles = new Map<string, string>();
  let crawled = 0;

  async function visit(path: string) {
    const response = await request.get(path, { maxRedirects: 0 });
    const status = response.status();
    if (status !== 200) {
      // Other journeys publish and unpublish while the crawl runs: a link is broken only if the
      // page that had it still has it now that its target fails.
      const from = linkedFrom.get(path);
      const page = from === undefined ? '' : decode(await (await request.get(from)).text());
      const stillLinked = from === undefined || page.includes(`href="${path}"`) || page.includes(`href="${baseURL}${path}"`);
      if (stillLinked) broken.push(`${path} → ${status} (linked from ${from ?? 'start'})`);
      return;
    }
    const type = response.headers()['content-type'] ?? '';
    if (!type.startsWith('text/html')) return;
    crawled += 1;
    const html = await response.text();
    const head = html.slice(0, html.indexOf('</head>'));
    const title = decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? '').trim();
    const description = /<meta name="description" content="([^"]*)"/.exec(head)?.[1]?.trim();
    const canonical = /<link rel="canonical" href="([^"]*)"/.exec(head)?.[1];
    const h1s = html.match(/<h1[\s>]/g)?.length ?? 0;
    if (!title) problems.push(`${path}: no title`);
    if (!description) problems.push(`${path}: no description`);
    if (!canonical) problems.push(`${path}: no canonical`);
    // Next writes the root canonical without its trailing slash.
    else if (canonical.replace(/\/$/, '') !== `${baseURL}${path === '/' ? '' : path}`) problems.push(`${path}: canonical ${canonical}`);
    if (h1s !== 1) problems.push(`${path}: ${h1s} h1 elements`);
    if (title) {
      const other = titles.get(title);
      if (other) problems.push(`${path}: same title as ${other} ("${title}")`);
      else titles.set(title, path);
    }
    for (const match of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
      let href = decode(match[1]!);
      if (href.startsWith(baseURL!)) href = href.slice(baseURL!.length) || '/';
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      href = href.split('#')[0]!;
      if (!href || /^\/(?:_next|media|media-crop|api|admin|login|search)(?:\/|$|\?)/.test(href)) continue;
      if (seen.has(href) || seen.size >= MAX_PAGES) continue;
      seen.add(href);
      linkedFrom.set(href, path);
      queue.push(href);
    }
  }

  while (queue.length > 0) {
    const batch = queue.splice(0, CONCURRENCY);
    await Promise.all(batch.map(visit));
  }

  expect(broken, 'broken internal links').toEqual([]);
  expect(problems, 'pages with metadata problems').toEqual([]);
  // The demo site has 300 articles, its sections, tags and bylines; the walk must reach them.
  expect(crawled).toBeGreaterThan(300);
});
