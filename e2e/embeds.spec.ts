import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { openTestDb } from './fixtures';

// The seeded story that carries every embed (db/seed-embeds.ts): what a reader sees with and
// without JavaScript, that nothing is asked of a third party before "Load post", the gallery by
// keyboard, the lightbox, RSS and axe. There is no internet here: every request to another host
// is answered by a stub, and the test asserts which ones the page tried.

interface Demo {
  id: number;
  url: string;
  sectionSlug: string;
  tags: string[];
}

function getEmbedsDemo(): Demo {
  const db = openTestDb();
  const row = db
    .prepare(
      `SELECT a.id, s.slug AS sectionSlug, '/' || s.slug || '/' || a.slug AS url FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.deleted_at IS NULL AND instr(a.body, '"type":"socialPost"') > 0
        ORDER BY a.id LIMIT 1`,
    )
    .get() as Omit<Demo, 'tags'> | undefined;
  if (!row) throw new Error('No published article with embeds in the test database: check db/seed-embeds.ts.');
  const tags = (
    db.prepare('SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY at.position').all(row.id) as {
      slug: string;
    }[]
  ).map((t) => t.slug);
  return { ...row, tags };
}

// A feed (the section's or one of its tags') that lists the demo: one whose 30 newest live
// stories include it.
function feedListing(demo: Demo): string {
  const db = openTestDb();
  const newer = (join: string, where: string, value: string) =>
    (
      db
        .prepare(
          `SELECT count(*) AS n FROM articles a JOIN sections s ON s.id = a.section_id ${join}
            WHERE a.status = 'published' AND a.deleted_at IS NULL AND ${where} = ?
              AND a.published_at > (SELECT published_at FROM articles WHERE id = ?)`,
        )
        .get(value, demo.id) as { n: number }
    ).n;
  if (newer('', 's.slug', demo.sectionSlug) < 30) return `/${demo.sectionSlug}/rss.xml`;
  for (const tag of demo.tags) {
    if (newer('JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id', 't.slug', tag) < 30) return `/tag/${tag}/rss.xml`;
  }
  throw new Error('No feed lists the embeds demo among its 30 newest stories.');
}

const THIRD_PARTY = /^https?:\/\/(?!(127\.0\.0\.1|localhost)[:/])/;

// Every request to another host is recorded and answered locally; nothing leaves the machine.
async function stubThirdParties(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route(THIRD_PARTY, async (route) => {
    asked.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stub</title><p>Stub post</p>' });
  });
  page.on('request', (request: Request) => {
    if (THIRD_PARTY.test(request.url()) && !asked.includes(request.url())) asked.push(request.url());
  });
  return asked;
}

test('the demo story shows every embed, and asks nothing of a third party until "Load post"', async ({ page }) => {
  const demo = getEmbedsDemo();
  const asked = await stubThirdParties(page);
  await page.goto(demo.url);
  const body = page.locator('.article-body');

  const xPost = body.locator('figure.social-post[data-provider="x"]');
  await expect(xPost.locator('blockquote')).toContainText('The night market is back at the river port.');
  await expect(xPost).toContainText('Gazette City Desk');
  await expect(xPost).toContainText('@gazette_city');
  await expect(xPost.locator('time')).toHaveAttribute('datetime', '2026-11-27');
  await expect(xPost.getByRole('link', { name: 'View on X' })).toHaveAttribute('href', 'https://x.com/gazette_city/status/1864000000000000001');
  const blueskyPost = body.locator('figure.social-post[data-provider="bluesky"]');
  await expect(blueskyPost).toContainText('River Port Market');
  await expect(blueskyPost.getByRole('link', { name: 'View on Bluesky' })).toBeVisible();

  await expect(body.getByRole('region', { name: /Photo gallery, 3 photos/ })).toBeVisible();
  const table = body.getByRole('table', { name: 'Pitch fees and first-night stalls' });
  await expect(table.getByRole('columnheader', { name: 'Fee per night' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '₴1,200' })).toBeVisible();
  const pullQuote = body.locator('figure.pull-quote').filter({ hasText: 'We waited four years for one good night.' });
  await expect(pullQuote.locator('blockquote')).toBeVisible();
  await expect(pullQuote.locator('figcaption')).toContainText('Marta Kovalenko');
  const documentLink = body.getByRole('link', { name: /River port night market: the council’s plan/ });
  await expect(documentLink).toContainText('PDF, 1.2 MB, 24 pages');
  const audio = body.locator('audio');
  await expect(audio).toHaveAttribute('preload', 'none');
  await expect(audio).toHaveAttribute('controls', '');
  await expect(body.locator('.audio-player')).toContainText('The Gazette podcast: a night at the river port');

  // Everything is on the page and the islands have run: still not one request elsewhere.
  await expect(xPost.getByRole('button', { name: /Load post/ })).toBeVisible();
  await page.waitForLoadState('load');
  expect(asked, 'requests to third parties before any click').toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);

  await xPost.getByRole('button', { name: /Load post/ }).click();
  const frame = xPost.locator('iframe');
  await expect(frame).toHaveAttribute('src', 'https://platform.twitter.com/embed/Tweet.html?id=1864000000000000001&dnt=true');
  await expect(frame).toHaveAttribute('title', 'Post by Gazette City Desk on X');
  await expect(frame).toBeFocused();
  await expect.poll(() => asked).toContain('https://platform.twitter.com/embed/Tweet.html?id=1864000000000000001&dnt=true');
  // Only the post asked for: the other one still asks nothing.
  expect(asked.filter((url) => !url.startsWith('https://platform.twitter.com/'))).toEqual([]);
  await expect(blueskyPost.locator('iframe')).toHaveCount(0);
});

test('the gallery is a slideshow worked by buttons and arrow keys, with a "2 of 3" status', async ({ page }) => {
  await stubThirdParties(page);
  await page.goto(getEmbedsDemo().url);
  const gallery = page.getByRole('region', { name: /Photo gallery, 3 photos/ });
  const status = gallery.locator('.gallery-status');
  await expect(status).toHaveText('1 of 3');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(gallery.locator('.gallery-slide:not([hidden])')).toHaveCount(1);
  await expect(gallery.locator('.gallery-slide:not([hidden]) figure')).toContainText('Stalls along the old quay after dark.');

  await gallery.getByRole('button', { name: 'Next photo' }).click();
  await expect(status).toHaveText('2 of 3');
  await expect(gallery.locator('.gallery-slide:not([hidden]) figure')).toContainText('The first ferry of the evening comes in.');
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText('3 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText('1 of 3');
  await page.keyboard.press('ArrowLeft');
  await expect(status).toHaveText('3 of 3');
  await gallery.getByRole('button', { name: 'Previous photo' }).click();
  await expect(status).toHaveText('2 of 3');
  await expect(gallery.locator('.gallery-slide:not([hidden]) figure')).toContainText('(Demo Photographer/Gazette)');

  // The photo shown opens full size, with its caption; closing gives focus back to it.
  const photo = gallery.locator('.gallery-slide:not([hidden]) a[data-island="lightbox"]');
  await photo.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('The first ferry of the evening comes in.');
  await page.keyboard.press('Escape');
  await expect(photo).toBeFocused();
});

test('the hero opens in a lightbox that closes on Escape and the button, giving focus back', async ({ page }) => {
  await stubThirdParties(page);
  await page.goto(getEmbedsDemo().url);
  const hero = page.locator('main figure').first().locator('a[data-island="lightbox"]');
  const full = await hero.getAttribute('href');
  expect(full).toMatch(/^\/media\//);

  await hero.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('img')).toHaveAttribute('src', new RegExp(`${full!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(hero).toBeFocused();

  await hero.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(hero).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every embed is there to read, and nothing asks a third party', async ({ page }) => {
    const asked = await stubThirdParties(page);
    await page.goto(getEmbedsDemo().url);
    const body = page.locator('.article-body');
    await expect(body.locator('figure.social-post')).toHaveCount(2);
    await expect(body.getByText('The night market is back at the river port.', { exact: false })).toBeVisible();
    await expect(body.getByRole('link', { name: 'View on X' })).toBeVisible();
    await expect(body.getByRole('link', { name: 'View on Bluesky' })).toBeVisible();
    // No JavaScript, no "Load post": the link is the way to the post.
    await expect(body.getByRole('button', { name: /Load post/ })).toHaveCount(0);
    // All three photos, one under another, each with its caption.
    const gallery = body.getByRole('region', { name: /Photo gallery/ });
    await expect(gallery.locator('.gallery-slide:not([hidden]) figure')).toHaveCount(3);
    await expect(gallery).toContainText('Lanterns over the harbour master’s house.');
    await expect(body.getByRole('table')).toBeVisible();
    await expect(body.locator('figure.pull-quote').filter({ hasText: 'Marta Kovalenko' })).toBeVisible();
    await expect(body.getByRole('link', { name: /council’s plan/ })).toBeVisible();
    await expect(body.locator('audio[controls]')).toBeVisible();
    // Images link to their full size.
    await expect(page.locator('main figure').first().locator('a[href^="/media/"]')).toBeVisible();
    expect(asked).toEqual([]);
  });
});

test('a phone shows the table in its own scrolling box, never widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await stubThirdParties(page);
  await page.goto(getEmbedsDemo().url);
  await expect(page.getByRole('table')).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
});

test('RSS carries the plain equivalents: quote and link, captioned images, table, quote, document and audio links', async ({ request }) => {
  const demo = getEmbedsDemo();
  const response = await request.get(feedListing(demo));
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const item = xml.split('<item>').find((part) => part.includes(demo.url));
  expect(item, 'the demo story is in the feed').toBeDefined();
  // Content is CDATA or escaped HTML; either way these words and addresses are in it.
  const content = item!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  expect(content).toContain('<blockquote cite="https://x.com/gazette_city/status/1864000000000000001">');
  expect(content).toContain('View on X');
  expect(content).toContain('View on Bluesky');
  expect(content).toContain('Stalls along the old quay after dark.');
  expect(content).toContain('<caption>Pitch fees and first-night stalls</caption>');
  expect(content).toContain('We waited four years for one good night.');
  expect(content).toContain('https://council.gazette.example/documents/river-port-market-plan.pdf');
  expect(content).toContain('Listen: The Gazette podcast: a night at the river port (23:05)');
  expect(content).not.toMatch(/<script|<iframe|<button|data-island/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the demo story has no serious or critical axe violation in the ${scheme} theme`, async ({ page }) => {
    // axe reads a long page; on a shared two-core machine that can take longer than the default.
    test.setTimeout(90_000);
    await stubThirdParties(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(getEmbedsDemo().url);
    await expect(page.locator('.gallery-status')).toHaveText('1 of 3');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious, scheme).toEqual([]);
  });
}
