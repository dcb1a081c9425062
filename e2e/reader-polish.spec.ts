import { expect, test, type Page } from '@playwright/test';
import { getArticleWithVideo, getPublishedArticle, openTestDb } from './fixtures';
import { biggest, getTitleWordAlsoInBodies, listBylineInOrder, listSectionInOrder, listTagInOrder } from './reader-fixtures';

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: page width`).toBeLessThanOrEqual(innerWidth);
}

// What readers expect around the stories: a phone menu, share links, a useful 404 page.

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('the menu opens and leads to a section and to search', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByTestId('mobile-menu');
    const sections = menu.getByRole('navigation', { name: 'All sections' });
    await expect(sections).toBeHidden();
    await menu.getByText('Menu').click();
    await expect(sections).toBeVisible();
    await expect(menu.getByRole('searchbox', { name: 'Search the Gazette' })).toBeVisible();
    await sections.getByRole('link', { name: 'Politics' }).click();
    await expect(page).toHaveURL('/politics');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politics');
  });
});

test('an article offers share links without third-party scripts, and copies its link', async ({ page, context }) => {
  const article = getPublishedArticle();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(r.url())) external.push(r.url());
  });
  await page.goto(article.url);
  const share = page.getByTestId('share-bar');
  const hrefs = await share.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.map((h) => new URL(h).protocol === 'mailto:' ? 'mailto' : new URL(h).hostname)).toEqual([
    'mailto',
    'twitter.com',
    'www.facebook.com',
    'www.linkedin.com',
    'wa.me',
  ]);
  for (const href of hrefs.slice(1)) expect(decodeURIComponent(href)).toContain(article.url);
  expect(external).toEqual([]);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(article.url, page.url()).href);
});

test('a missing page is a 404 in the site’s layout, with search and the sections', async ({ page }) => {
  const response = await page.goto('/politics/this-story-never-existed');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // The kept 404 is rendered from another address (gateway/admission.mjs); the reader's stays.
  await expect(page).toHaveURL('/politics/this-story-never-existed');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main').getByRole('search')).toBeVisible();
  await expect(page.getByRole('main').getByRole('navigation', { name: 'Browse the sections' }).getByRole('link').first()).toBeVisible();
  await page.getByRole('main').getByRole('searchbox').fill('council');
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/search?q=council');
  await expect(page.getByTestId('search-results')).toBeVisible();
});

test.describe('without JavaScript, every public page is whole in its first response', () => {
  test.use({ javaScriptEnabled: false });

  test('home, fronts, an article, News Feed, search, corrections and 404s show their content', async ({ page }) => {
    // Twelve pages, some rendered for the first time: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    const section = biggest('section');
    const tag = biggest('tag');
    const byline = biggest('byline');
    // The oldest story of the section: not one of the few prerendered at build.
    const old = listSectionInOrder(section.slug).at(-1)!;
    const { word } = getTitleWordAlsoInBodies();
    const main = page.getByRole('main');

    expect((await page.goto('/'))?.status()).toBe(200);
    await expect(main.locator('a[href^="/"]').first()).toBeVisible();
    await expect(page.locator('#news-feed-rail-list [data-article-id]').first()).toBeVisible();

    const fronts: [string, string, string][] = [
      [`/${section.slug}`, section.name, listSectionInOrder(section.slug)[0]!.url],
      [`/tag/${tag.slug}`, tag.name, listTagInOrder(tag.slug)[0]!.url],
      [`/author/${byline.slug}`, byline.name, listBylineInOrder(byline.slug)[0]!.url],
    ];
    for (const [path, name, first] of fronts) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(name);
      await expect(main.locator(`a[href="${first}"]`).first(), path).toBeVisible();
    }

    expect((await page.goto(old.url))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(old.title);
    await expect(page.locator('.article-body p').first()).toBeVisible();

    expect((await page.goto('/news-feed'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News Feed');
    await expect(page.locator('#news-feed-list [data-article-id]').first()).toBeVisible();

    expect((await page.goto(`/search?q=${word}`))?.status()).toBe(200);
    await expect(page.getByTestId('search-summary')).toContainText(`for “${word}”`);
    await expect(page.getByTestId('search-results').getByRole('listitem').first()).toBeVisible();

    expect((await page.goto('/corrections'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections and updates');

    for (const path of ['/politics/this-story-never-existed', '/tag/no-such-tag-at-all', '/author/nobody-at-all', '/no/such/page']) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found');
      await expect(main.getByRole('navigation', { name: 'Browse the sections' }).getByRole('link').first(), path).toBeVisible();
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the masthead date stays on one line and nothing widens the page', async ({ page }) => {
    await page.goto('/');
    const date = page.getByRole('banner').getByTestId('masthead-date');
    await expect(date).toBeVisible();
    expect(await date.evaluate((el) => el.getClientRects().length), 'lines of the date').toBe(1);
    await expectNoSidewaysScroll(page, 'home');
  });

  test('the search filters fit the phone, even with a long section name', async ({ page }) => {
    const { word } = getTitleWordAlsoInBodies();
    await page.goto(`/search?q=${word}`);
    await expectNoSidewaysScroll(page, 'search');
    // As a desk may name a section: long enough to be wider than any phone.
    const select = page.locator('select[name="section"]');
    await select.evaluate((select) => {
      const option = document.createElement('option');
      option.textContent = 'Regional Development, Infrastructure and Municipal Affairs of the Greater Metropolitan Area';
      select.appendChild(option);
    });
    await expectNoSidewaysScroll(page, 'search with a long section name');
    const box = await select.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`"Next" in the pager is one line at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/${biggest('section').slug}`);
    const pager = page.getByTestId('pager');
    const next = pager.locator('a[rel="next"]');
    const current = pager.locator('a[aria-current="page"]');
    await expect(next).toBeVisible();
    const [nextBox, currentBox] = [await next.boundingBox(), await current.boundingBox()];
    expect(nextBox!.height, 'Next is as tall as a page number').toBeCloseTo(currentBox!.height, 0);
    await expect(next).toHaveText(/^Next page\s*→$/);
  });
}

test('the section navigation reaches its first item when the names overflow', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
  const list = nav.getByRole('list');
  // Many sections with long names, as a newsroom may have.
  await list.evaluate((ul) => {
    for (let i = 0; i < 12; i++) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#';
      a.className = 'block px-3 py-2.5';
      a.textContent = `Regional affairs and development ${i + 1}`;
      li.appendChild(a);
      ul.appendChild(li);
    }
  });
  expect(await list.evaluate((ul) => ul.scrollWidth > ul.clientWidth), 'the list overflows').toBe(true);
  await list.evaluate((ul) => ul.scrollTo({ left: 0 }));
  const first = await nav.getByRole('link').first().boundingBox();
  expect(first!.x, 'the first section starts inside the page').toBeGreaterThanOrEqual(0);
  await expectNoSidewaysScroll(page, 'home with many sections');
});

test('the video poster is drawn, not a black box, and its name says "video" once', async ({ page }) => {
  const video = getArticleWithVideo();
  await page.goto(video.url);
  const play = page.getByRole('link', { name: /^Play video/ }).first();
  await expect(play).toBeVisible();
  const name = (await play.getAttribute('aria-label')) ?? '';
  expect(name.match(/video/gi)?.length, name).toBe(1);
  const lightness = await page.locator('.video-facade').first().evaluate((box) => {
    const [r, g, b] = getComputedStyle(box).backgroundColor.match(/\d+/g)!.map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  expect(lightness, 'poster background lightness').toBeGreaterThan(0.5);
});

// The newest published story whose body links to another page of the site.
function articleWithLinkWithinTheSite(): { url: string } {
  return openTestDb()
    .prepare(
      `SELECT '/' || s.slug || '/' || a.slug AS url FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.published_at <= ? AND instr(a.body, '"href":"/') > 0
        ORDER BY a.published_at DESC LIMIT 1`,
    )
    .get(Date.now()) as { url: string };
}

test('a printed article names the site and its address, and links within the site in full', async ({ page, baseURL }) => {
  const article = articleWithLinkWithinTheSite();
  await page.goto(article.url);
  await page.emulateMedia({ media: 'print' });
  const source = page.getByTestId('print-source');
  await expect(source).toBeVisible();
  await expect(source).toContainText('The Gazette');
  await expect(source).toContainText(`${baseURL}${article.url}`);
  // Links in the text (an image's link to its larger self is not one).
  const internal = page.locator('.article-body a[href^="/"]:not([data-island])');
  const count = await internal.count();
  expect(count, 'links within the site in the body').toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const after = await internal.nth(i).evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(`(${baseURL}/`);
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(source).toBeHidden();
});
