import type { APIRequestContext, Page } from '@playwright/test';
import { addSession, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';
import { getPublishedArticle } from './fixtures';
import { biggest } from './reader-fixtures';

// The home page's curation and the breaking-news banner: an editor sets the lead and reorders
// Editors' Picks from the keyboard, sets and clears a banner, and the front page (and, for the
// banner, every public page) shows each change on the very next request. Lower roles get the forbidden view and forged actions fail.
// Both journeys touch the shared front page, so they run one after the other and put the
// seeded curation back.
test.describe.configure({ mode: 'serial' });

interface Story {
  id: number;
  title: string;
}

const slotIds = (slot: string) =>
  (testDb().prepare('SELECT article_id FROM curation WHERE slot = ? ORDER BY position').all(slot) as { article_id: number }[]).map((r) => r.article_id);
const titleOf = (id: number) => (testDb().prepare('SELECT title FROM articles WHERE id = ?').get(id) as { title: string }).title;
const breakingSetting = () => JSON.parse((testDb().prepare(`SELECT value FROM settings WHERE key = 'breaking'`).get() as { value: string }).value);

// A published story that is on none of the curated slots, with a title of its own.
function uncuratedStory(): Story {
  return testDb()
    .prepare(
      `SELECT a.id, a.title FROM articles a
        WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.kind <> 'feed'
          AND a.id NOT IN (SELECT article_id FROM curation)
          AND (SELECT count(*) FROM articles b WHERE b.title = a.title) = 1
        ORDER BY a.published_at DESC LIMIT 1 OFFSET 12`,
    )
    .get() as Story;
}

async function makeLead(page: Page, story: Story) {
  await page.getByLabel('Search published stories by title').fill(story.title);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Make lead: ${story.title}` }).click();
  await expect(page.getByTestId('slot-lead').getByTestId('sortable-item')).toHaveText(new RegExp(escape(story.title)));
  await page.getByRole('button', { name: 'Save Lead story' }).click();
  await expect(page.getByTestId('lead-message')).toHaveText('Saved. The home page shows it now.');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an editor sets the lead and reorders Editors’ Picks by keyboard; the front follows at once', async ({ page, signInAs }) => {
  test.setTimeout(90_000);
  const originalLead = slotIds('lead');
  const originalPicks = slotIds('picks');
  expect(originalPicks.length, 'the seed curates several picks').toBeGreaterThan(2);
  const story = uncuratedStory();
  await signInAs('editor');
  await page.goto('/admin/curation');
  await expect(page.getByRole('heading', { name: 'Homepage', level: 1 })).toBeVisible();

  await makeLead(page, story);
  expect(slotIds('lead')).toEqual([story.id]);

  // Picks: the first one moves down by keyboard; focus stays on its button and the move is announced.
  const picks = page.getByTestId('slot-picks');
  const firstTitle = titleOf(originalPicks[0]!);
  const moveDown = picks.getByRole('button', { name: `↓ Move down ${firstTitle}` });
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(moveDown).toBeFocused();
  await expect(picks.getByTestId('sortable-announcement')).toHaveText(`“${firstTitle}” moved to position 2 of ${originalPicks.length}.`);
  await expect(picks.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picks.getByTestId('sortable-announcement')).toHaveText(`“${firstTitle}” moved to position 3 of ${originalPicks.length}.`);
  await picks.getByRole('button', { name: "Save Editors' Picks" }).click();
  await expect(page.getByTestId('picks-message')).toHaveText('Saved. The home page shows it now.');
  const reordered = [originalPicks[1]!, originalPicks[2]!, originalPicks[0]!, ...originalPicks.slice(3)];
  expect(slotIds('picks')).toEqual(reordered);

  await page.goto('/');
  await expect(page.getByTestId('lead-story').getByRole('link', { name: story.title }).first()).toBeVisible();
  const rail = page.getByRole('region', { name: "Editors' Picks" });
  const railTitles = (await rail.getByRole('link').allTextContents()).map((t) => t.trim());
  const expected = reordered.filter((id) => id !== story.id).map(titleOf);
  expect(railTitles.filter((t) => expected.includes(t))).toEqual(expected.filter((t) => railTitles.includes(t)));
  expect(railTitles.indexOf(titleOf(originalPicks[1]!))).toBeLessThan(railTitles.indexOf(firstTitle));

  // Put the seeded front back for the other journeys.
  await page.goto('/admin/curation');
  await makeLead(page, { id: originalLead[0]!, title: titleOf(originalLead[0]!) });
  const restore = page.getByTestId('slot-picks');
  await restore.getByRole('button', { name: `↑ Move up ${firstTitle}` }).click();
  await restore.getByRole('button', { name: `↑ Move up ${firstTitle}` }).click();
  await restore.getByRole('button', { name: "Save Editors' Picks" }).click();
  await expect(page.getByTestId('picks-message')).toBeVisible();
  expect(slotIds('picks')).toEqual(originalPicks);
  expect(slotIds('lead')).toEqual(originalLead);
});

// The instant a wall-clock time in `timeZone` means (the test's own check of the conversion).
function zonedInstant(wall: string, timeZone: string): string {
  const [date, time] = wall.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess - (asUtc - guess)).toISOString();
}

// Every kind of public page, the 404s included: a reader arriving on any of them sees the banner.
// Next sends a 404's page as a shell its script renders, so those are read with JavaScript on.
function publicPages(): { url: string; javaScript: boolean }[] {
  const article = getPublishedArticle();
  const pages = ['/', article.url, `/${biggest('section').slug}`, `/tag/${biggest('tag').slug}`, `/author/${biggest('byline').slug}`, '/search?q=council', '/corrections'];
  const missing = [`/${article.sectionSlug}/no-such-story-${Date.now()}`, `/no/such/page/${Date.now()}`];
  return [...pages.map((url) => ({ url, javaScript: false })), ...missing.map((url) => ({ url, javaScript: true }))];
}

test('an editor sets a breaking banner with a link and an expiry, every public page shows it, and clears it', async ({
  page,
  signInAs,
  browser,
}) => {
  test.setTimeout(120_000);
  // Readers with and without JavaScript who have every page cached before the banner is set.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const withScript = await browser.newContext();
  const readers = { false: await noScript.newPage(), true: await withScript.newPage() };
  const pages = publicPages();
  for (const { url, javaScript } of pages) {
    const readerPage = readers[`${javaScript}`];
    await readerPage.goto(url);
    await expect(readerPage.getByRole('banner'), url).toBeVisible();
    await expect(readerPage.getByTestId('breaking-banner'), url).toHaveCount(0);
  }
  const text = `Bridge closed after flood warning ${Date.now()}`;
  const zone = JSON.parse((testDb().prepare(`SELECT value FROM settings WHERE key = 'time_zone'`).get() as { value: string }).value) as string;
  await signInAs('editor');
  await page.goto('/admin/settings');
  // Editors see the banner only; site settings are the admin's.
  await expect(page.getByRole('heading', { name: 'Breaking-news banner' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save site settings' })).toHaveCount(0);

  await page.getByLabel('Banner text').fill(text);
  await page.getByLabel('Link (optional)').fill('javascript:alert(1)');
  await page.getByLabel('Expires (optional)').fill('2099-07-01T09:30');
  await page.getByRole('button', { name: 'Set banner' }).click();
  await expect(page.getByText('Use a site path such as /news/story or an http(s) address.').first()).toBeVisible();
  await expect(page.getByLabel('Banner text')).toHaveValue(text);
  await expect(page.getByLabel('Expires (optional)')).toHaveValue('2099-07-01T09:30');

  await page.getByLabel('Link (optional)').fill('/search?q=bridge');
  await page.getByLabel('Expires (optional)').fill('2001-01-01T00:00');
  await page.getByRole('button', { name: 'Set banner' }).click();
  await expect(page.getByText('That time has already passed').first()).toBeVisible();

  await page.getByLabel('Expires (optional)').fill('2099-07-01T09:30');
  await page.getByRole('button', { name: 'Set banner' }).click();
  await expect(page.getByTestId('breaking-status')).toContainText('Showing on every public page until July 1, 2099, 09:30');
  expect(breakingSetting()).toEqual({ text, url: '/search?q=bridge', expiresAt: zonedInstant('2099-07-01T09:30', zone) });

  await page.goto('/');
  const banner = page.getByTestId('breaking-banner');
  await expect(banner).toContainText(text);
  await expect(banner.getByRole('link', { name: text })).toHaveAttribute('href', '/search?q=bridge');
  for (const { url, javaScript } of pages) {
    const readerPage = readers[`${javaScript}`];
    await readerPage.goto(url);
    const shown = readerPage.getByTestId('breaking-banner');
    await expect(shown, url).toHaveCount(1);
    await expect(shown.getByRole('link', { name: text }), url).toHaveAttribute('href', '/search?q=bridge');
  }

  await page.goto('/admin/settings');
  await page.getByRole('button', { name: 'Clear banner' }).click();
  await expect(page.getByTestId('breaking-status')).toHaveText('No banner is set.');
  expect(breakingSetting()).toBeNull();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
  await expect(page.getByTestId('breaking-banner')).toHaveCount(0);
  for (const { url, javaScript } of pages) {
    const readerPage = readers[`${javaScript}`];
    await readerPage.goto(url);
    await expect(readerPage.getByRole('banner'), url).toBeVisible();
    await expect(readerPage.getByTestId('breaking-banner'), url).toHaveCount(0);
  }
  await noScript.close();
  await withScript.close();
});

test('an admin also sees the site settings, with the time zone list', async ({ page, signInAs }) => {
  await signInAs('admin');
  await page.goto('/admin/settings');
  await expect(page.getByLabel('Site name')).not.toHaveValue('');
  await expect(page.getByLabel('Newsroom time zone').locator('option[value="America/New_York"]')).toHaveCount(1);
});

test('an admin names the publication’s X account, and shared links carry it as twitter:site', async ({ page, signInAs, request }) => {
  await signInAs('admin');
  await page.goto('/admin/settings');
  const account = page.getByLabel('X/Twitter account (optional)');
  await account.fill('not a handle');
  await page.getByRole('button', { name: 'Save site settings' }).click();
  await expect(page.locator('#xAccount-error')).toHaveText(/^Enter the account as @handle/);

  await account.fill('@gazette_desk');
  await page.getByRole('button', { name: 'Save site settings' }).click();
  await expect(page.getByTestId('site-message')).toHaveText('Site settings saved.');
  try {
    for (const path of ['/', '/politics']) {
      const html = await (await request.get(path)).text();
      expect(html, path).toContain('<meta name="twitter:site" content="@gazette_desk"/>');
    }
  } finally {
    await page.goto('/admin/settings');
    await page.getByLabel('X/Twitter account (optional)').fill('');
    await page.getByRole('button', { name: 'Save site settings' }).click();
    await expect(page.getByTestId('site-message')).toHaveText('Site settings saved.');
  }
  expect(await (await request.get('/')).text()).not.toContain('twitter:site');
});

for (const role of ['author', 'contributor'] as Role[]) {
  test(`a ${role} gets the forbidden view on the homepage and settings pages`, async ({ page, signInAs }) => {
    await signInAs(role);
    for (const path of ['/admin/curation', '/admin/settings']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'Your role does not open this page' }), path).toBeVisible();
      await expect(page.getByRole('button', { name: /Save|Set banner/ })).toHaveCount(0);
    }
  });
}

async function captureAction(page: Page, path: string, trigger: () => Promise<void>) {
  let resolve!: (c: { headers: Record<string, string>; body: Buffer }) => void;
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((r) => (resolve = r));
  await page.route((url) => url.pathname === path, async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      resolve({ headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  const c = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return c;
}

async function replay(request: APIRequestContext, path: string, c: { headers: Record<string, string>; body: Buffer }) {
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k.toLowerCase())));
  return request.post(path, { headers, data: c.body, maxRedirects: 0 });
}

test('forged curation and banner actions from an author change nothing', async ({ page, signInAs, browser, baseURL }) => {
  const picks = slotIds('picks');
  await signInAs('editor');
  await page.goto('/admin/curation');
  const save = await captureAction(page, '/admin/curation', async () => {
    const slot = page.getByTestId('slot-picks');
    await slot.getByRole('button', { name: /^Remove/ }).first().click();
    await slot.getByRole('button', { name: "Save Editors' Picks" }).click();
  });
  await page.goto('/admin/settings');
  const banner = await captureAction(page, '/admin/settings', async () => {
    await page.getByLabel('Banner text').fill('Forged banner');
    await page.getByRole('button', { name: 'Set banner' }).click();
  });

  const author = await createTestUser('author');
  const context = await browser.newContext();
  await addSession(context, author, baseURL!);
  expect(await (await replay(context.request, '/admin/curation', save)).text()).toContain('You are not allowed to do that.');
  expect(await (await replay(context.request, '/admin/settings', banner)).text()).toContain('You are not allowed to do that.');
  expect(slotIds('picks')).toEqual(picks);
  expect(breakingSetting()).toBeNull();
  await context.close();
});
