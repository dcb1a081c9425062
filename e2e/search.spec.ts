import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { HOSTILE_QUERIES } from '../lib/testing/hostile-queries';
import { getNewsroomTimeZone, getPublishedArticle, openTestDb } from './fixtures';
import { copyTestData, OWN_BASE, startOwnServer, stopOwnServer, waitUntilUp } from './own-server';
import { getTitleWordAlsoInBodies } from './reader-fixtures';
import { withWritableTestDb } from './seo-helpers';

// A reader searches: ranked results with highlighted snippets, filters, pages, and whatever
// they type never breaks the page.

test('a title match ranks above articles that only mention the word', async ({ page }) => {
  const { article, word } = getTitleWordAlsoInBodies();
  const response = await page.goto(`/search?q=${encodeURIComponent(word.toUpperCase())}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const results = page.getByTestId('search-results').locator('> li');
  expect(await results.count(), 'other articles mention the word too').toBeGreaterThan(1);
  await expect(results.first().getByRole('heading')).toHaveText(article.title);
  // Matches are highlighted with <mark>, built as elements, never as injected HTML.
  await expect(page.getByTestId('search-results').locator('mark').first()).toBeVisible();
  expect((await page.getByTestId('search-results').locator('mark').first().textContent())?.toLowerCase()).toContain(word);
});

test('the last word matches as a prefix while typing, with case and diacritics folded', async ({ page }) => {
  const { article, word } = getTitleWordAlsoInBodies();
  // Still being typed: the word cut short where it is no word the site has (a word it has is
  // taken as typed — db/queries/search.ts).
  const known = openTestDb().prepare('SELECT 1 FROM articles_words_vocab WHERE term = ?');
  const typed = [2, 3, 1].map((cut) => word.slice(0, -cut)).find((prefix) => known.get(prefix) === undefined);
  if (!typed) throw new Error(`every shortening of "${word}" is a word of the seed`);
  await page.goto('/search');
  await page.getByRole('main').getByRole('searchbox', { name: 'Search the Gazette' }).fill(typed);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByTestId('search-results').getByRole('link', { name: article.title })).toBeVisible();
  // "é" folds to "e": the accented spelling finds the same articles.
  const accented = word.replace('e', 'é');
  await page.goto(`/search?q=${encodeURIComponent(accented)}`);
  await expect(page.getByTestId('search-results').getByRole('link', { name: article.title })).toBeVisible();
});

test('filters narrow the results and pages are real links', async ({ page }) => {
  await page.goto('/search?q=city');
  const summary = await page.getByTestId('search-summary').textContent();
  const all = Number(/^(\d+) results?/.exec(summary ?? '')?.[1]);
  expect(all).toBeGreaterThan(20);
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', '/search?q=city&page=2');

  await page.getByRole('combobox', { name: 'Section' }).selectOption('sport');
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/section=sport/);
  await expect(page.getByRole('combobox', { name: 'Section' })).toHaveValue('sport');
  await expect(page.getByTestId('search-results').locator('> li').first()).toBeVisible();
  const sections = await page.getByTestId('search-results').locator('> li > p:first-child').allTextContents();
  expect(sections.length).toBeGreaterThan(0);
  for (const label of sections) expect(label).toMatch(/^Sport/);

  // A date range in the future has nothing.
  await page.goto('/search?q=city&from=2999-01-01&to=2999-12-31');
  await expect(page.getByTestId('search-empty')).toBeVisible();
});

test('hostile input gives results or a friendly empty state, never an error', async ({ request }) => {
  for (const q of [...HOSTILE_QUERIES, 'city OR', 'NEAR(', '"city']) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), JSON.stringify(q.slice(0, 40))).toBe(200);
    const html = await response.text();
    expect(html, q.slice(0, 40)).toContain('data-testid="search-summary"');
    expect(html).not.toContain('Search is not available right now');
  }
  for (const extra of ['page=0', 'page=abc', 'page=99999', 'section=%3Cscript%3E', 'from=2026-13-45', 'q[]=x']) {
    const response = await request.get(`/search?q=city&${extra}`);
    expect(response.status(), extra).toBe(200);
  }
  // The query is shown escaped, never as markup.
  const xss = await request.get(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  expect(await xss.text()).not.toContain('<img src=x');
});

// What readers type: misspellings, names, tags, phrases, exclusions, filters kept in the address.

test('a misspelt word shows results for the corrected spelling, with a way back to the words typed', async ({ page }) => {
  for (const [typed, meant] of [
    ['inflaton', 'inflation'],
    // American spelling, British corpus: one edit apart, the same mechanism.
    ['harbor', 'harbour'],
  ] as const) {
    await page.goto(`/search?q=${typed}`);
    const correction = page.getByTestId('search-correction');
    await expect(correction).toContainText(`Showing results for ${meant}`);
    await expect(page.getByTestId('search-summary')).toContainText(`for “${meant}”`);
    await expect(page.getByTestId('search-results').locator('mark').first()).toBeVisible();
    await correction.getByRole('link', { name: `search instead for ${typed}` }).click();
    await expect(page).toHaveURL(`/search?q=${typed}&exact=1`);
    await expect(page.getByTestId('search-summary')).toHaveText(`No results for “${typed}”.`);
    await expect(page.getByTestId('search-correction')).toHaveCount(0);
  }
});

test('a word with a few results offers the far more common spelling', async ({ page }) => {
  // A story that spells "council" one letter wrong: the typed word finds it, and the page asks.
  const slug = `e2e-councel-${Date.now()}`;
  const seeded = getPublishedArticle();
  const now = Date.now() - 60_000;
  const id = withWritableTestDb((db) => {
    const section = db.prepare('SELECT id FROM sections WHERE slug = ?').get(seeded.sectionSlug) as { id: number };
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Minutes.' }] }] });
    return Number(
      db
        .prepare(
          `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, published_at, updated_at, modified_at, created_at)
           VALUES (?, ?, 'news', 'Councel minutes published', '', ?, 'Minutes.', 1, 'published', ?, ?, ?, ?)`,
        )
        .run(slug, section.id, body, now, now, now, now).lastInsertRowid,
    );
  });
  try {
    await page.goto('/search?q=councel');
    await expect(page.getByTestId('search-summary')).toHaveText('1 result for “councel”');
    await expect(page.getByTestId('search-results').getByRole('link', { name: 'Councel minutes published' })).toBeVisible();
    const offer = page.getByTestId('search-suggestion');
    await expect(offer).toHaveText('Did you mean council?');
    await offer.getByRole('link', { name: 'council' }).click();
    await expect(page).toHaveURL('/search?q=council');
    await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ results for “council”$/);
  } finally {
    withWritableTestDb((db) => db.prepare('DELETE FROM articles WHERE id = ?').run(id));
  }
});

test('a byline’s name and a tag’s name find their stories', async ({ page }) => {
  // A story whose text never names its reporter or its tag: only the byline and tag can find it.
  const db = openTestDb();
  const story = db
    .prepare(
      `SELECT a.id, '/' || s.slug || '/' || a.slug AS url, a.title, s.slug AS section, a.published_at AS publishedAt,
              b.name AS byline, t.name AS tag
         FROM articles a JOIN sections s ON s.id = a.section_id
         JOIN article_bylines ab ON ab.article_id = a.id JOIN bylines b ON b.id = ab.byline_id AND b.kind = 'person'
         JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
        WHERE a.status = 'published' AND a.deleted_at IS NULL
          AND instr(lower(a.title || ' ' || a.dek || ' ' || a.body_text), lower(t.name)) = 0
          AND instr(lower(a.title || ' ' || a.dek || ' ' || a.body_text), lower(substr(b.name, instr(b.name, ' ') + 1))) = 0
        ORDER BY a.published_at DESC LIMIT 1`,
    )
    .get() as { url: string; title: string; section: string; publishedAt: number; byline: string; tag: string };
  expect(story, 'the demo seed has a story that names neither its byline nor its tag').toBeDefined();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: getNewsroomTimeZone() }).format(new Date(story.publishedAt));
  const narrow = `&section=${story.section}&from=${day}&to=${day}&sort=newest`;
  const surname = story.byline.split(' ').at(-1)!;

  await page.goto(`/search?q=${encodeURIComponent(surname)}${narrow}`);
  const byName = page.getByTestId('search-results').locator('> li').filter({ has: page.getByRole('link', { name: story.title }) });
  await expect(byName).toBeVisible();
  await expect(byName.getByTestId('search-byline')).toContainText(story.byline);

  await page.goto(`/search?q=${encodeURIComponent(`"${story.tag}"`)}${narrow}`);
  await expect(page.getByTestId('search-results').getByRole('link', { name: story.title })).toBeVisible();
});

test('quoted phrases and -exclusions narrow the results', async ({ page }) => {
  const count = async (q: string) => {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    const summary = (await page.getByTestId('search-summary').textContent()) ?? '';
    if (summary.startsWith('No results')) return 0;
    const n = /^(\d+) results? for/.exec(summary)?.[1];
    expect(n, summary).toBeDefined();
    return Number(n);
  };
  // "council" last each time, a word the site has, so it is taken as typed in all three. Every
  // story with "council" either has "budget" or is left out by "-budget". Other journeys edit
  // stories meanwhile, and a results page is kept for a minute (the search cache,
  // gateway/page-cache.mjs): the three agree once their answers are of the same moment, so they
  // are asked again until they are.
  test.setTimeout(150_000);
  let counts = { council: 0, withBudget: 0, withoutBudget: 0 };
  await expect
    .poll(
      async () => {
        counts = { council: await count('council'), withBudget: await count('budget council'), withoutBudget: await count('-budget council') };
        return counts.withBudget + counts.withoutBudget - counts.council;
      },
      { timeout: 90_000, intervals: [5_000] },
    )
    .toBe(0);
  expect(counts.withBudget).toBeGreaterThan(0);
  expect(counts.withoutBudget).toBeGreaterThan(0);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('-budget council');

  const words = await count('city council');
  const phrase = await count('"city council"');
  expect(phrase).toBeGreaterThan(0);
  expect(phrase).toBeLessThanOrEqual(words);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('"city council"');

  await page.goto(`/search?q=${encodeURIComponent('-council -"city hall"')}`);
  await expect(page.getByTestId('search-summary')).toHaveText(/^Nothing to search for: add a word to look for/);
  await expect(page.getByTestId('search-results')).toHaveCount(0);
});

test('filters and the sort stay in the address and the form across pages', async ({ page }) => {
  await page.goto('/search');
  const main = page.getByRole('main');
  await main.getByRole('searchbox', { name: 'Search the Gazette' }).fill('city');
  await main.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
  await main.getByLabel('From').fill('2000-01-01');
  await main.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(page).toHaveURL(/from=2000-01-01/);

  const next = page.getByTestId('pager').getByRole('link', { name: 'Page 2' });
  await expect(next).toHaveAttribute('href', '/search?q=city&from=2000-01-01&sort=newest&page=2');
  const firstPage = await page.getByTestId('search-results').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  await next.click();
  await expect(page).toHaveURL('/search?q=city&from=2000-01-01&sort=newest&page=2');
  await expect(main.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');
  await expect(main.getByLabel('From')).toHaveValue('2000-01-01');
  await expect(main.getByRole('searchbox', { name: 'Search the Gazette' })).toHaveValue('city');
  const secondPage = await page.getByTestId('search-results').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  // Newest first, across the page break.
  const all = [...firstPage, ...secondPage];
  expect(all).toEqual([...all].sort().reverse());
});

test('dates that are not dates, or a range that ends before it starts, are named', async ({ page }) => {
  await page.goto('/search?q=city&from=2026-13-45');
  await expect(page.getByTestId('search-summary')).toHaveText('Check the dates above to search.');
  await expect(page.getByRole('main').getByLabel('From')).toHaveAccessibleDescription(/“2026-13-45” is not a date/);
  await expect(page.getByTestId('search-results')).toHaveCount(0);

  await page.goto('/search?q=city&from=2026-03-10&to=2026-03-01');
  await expect(page.getByRole('main').getByLabel('To', { exact: true })).toHaveAccessibleDescription(
    'The end date (2026-03-01) is before the start date (2026-03-10).',
  );
});

// The server in front of Next keeps the page around a search's body from one Next rendered whole
// and renders only the body for the next searches (gateway/search-pages.mjs): a fresh server
// renders its first search whole, and the same search again under another address (a parameter
// the page ignores, so the search cache does not answer it) comes from the kept page.
test('a search rendered by its body alone is byte for byte the page Next renders whole', { tag: '@desktop' }, async () => {
  test.setTimeout(90_000);
  const dataDir = await copyTestData('gazette-search-body-');
  const server = await startOwnServer(dataDir);
  try {
    await waitUntilUp(server);
    const address = '/search?q=inflaton&sort=newest';
    const whole = await fetch(OWN_BASE + address);
    const composed = await fetch(`${OWN_BASE}${address}&ref=e2e`);
    expect(whole.status).toBe(200);
    expect(composed.status).toBe(200);
    expect(whole.headers.get('x-gazette-render')).toBeNull();
    expect(composed.headers.get('x-gazette-render')).toBe('body');
    const html = await whole.text();
    // The search ran (a correction and results), so the comparison covers the whole body.
    expect(html).toContain('Showing results for <strong');
    expect(html).toContain('data-testid="search-results"');
    expect(await composed.text()).toBe(html);
    for (const name of ['content-type', 'content-security-policy', 'cache-control', 'vary']) expect(composed.headers.get(name), name).toBe(whole.headers.get(name));
  } finally {
    await stopOwnServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// A HEAD is answered as its GET would be, without the body: rendered to the end inside the
// render pool (gateway/admission.mjs), where Next ended a HEAD at once and rendered on unseen.
test('a HEAD of a search or an article gets the headers of its GET and no body', async ({ request }) => {
  for (const url of ['/search?q=council%20budget', getPublishedArticle().url]) {
    const plain = { 'accept-encoding': 'identity' };
    const get = await request.get(url, { headers: plain });
    const head = await request.head(url, { headers: plain });
    expect(head.status(), url).toBe(200);
    expect(head.headers()['content-type'], url).toBe(get.headers()['content-type']);
    expect(head.headers()['content-length'], url).toBe(String((await get.body()).length));
    expect((await head.body()).length, url).toBe(0);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form searches and the results, the correction and the pages are in the HTML', async ({ page }) => {
    await page.goto('/search');
    const main = page.getByRole('main');
    await main.getByRole('searchbox', { name: 'Search the Gazette' }).fill('inflaton');
    await main.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
    await main.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=inflaton&.*sort=newest/);
    await expect(page.getByTestId('search-correction')).toContainText('Showing results for inflation');
    await expect(page.getByTestId('search-results').locator('> li').first()).toBeVisible();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the filters and a date message fit without sideways scrolling', async ({ page }) => {
    await page.goto('/search?q=city&from=not-a-date-at-all-and-then-some&sort=newest');
    await expect(page.getByRole('main').getByLabel('From')).toHaveAccessibleDescription(/is not a date/);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
