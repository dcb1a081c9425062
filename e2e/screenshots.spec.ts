import fs from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { getPublishedArticle } from './fixtures';

// Full-page pictures of the front page and an article at phone and desktop widths, for
// reviewing design changes by eye: `SCREENSHOTS=1 npx playwright test screenshots --project=desktop`.
// Off by default so the suite stays fast. Output goes to screenshots/ (gitignored).

const OUT = path.join(__dirname, '..', 'screenshots');

const SCREENS = [
  { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  { width: 1440, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
] as const;

const PAGES = [
  { name: 'home', url: () => '/' },
  { name: 'article', url: () => getPublishedArticle().url },
  { name: 'section', url: () => `/${getPublishedArticle().sectionSlug}` },
] as const;

// Lazy images below the fold would be blank in a full-page picture.
async function settle(page: Page) {
  await page.evaluate(async () => {
    const images = Array.from(document.images);
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? null
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
    await document.fonts.ready;
  });
}

test.describe('screenshots', () => {
  test.skip(process.env.SCREENSHOTS !== '1', 'set SCREENSHOTS=1 to save screenshots');

  for (const target of PAGES) {
    for (const screen of SCREENS) {
      test(`${target.name} at ${screen.width}px`, async ({ browser, baseURL }) => {
        const { width, height, ...device } = screen;
        const context = await browser.newContext({ baseURL, viewport: { width, height }, ...device });
        try {
          const page = await context.newPage();
          await page.goto(target.url(), { waitUntil: 'load' });
          await settle(page);
          fs.mkdirSync(OUT, { recursive: true });
          await page.screenshot({ path: path.join(OUT, `${target.name}-${width}.png`), fullPage: true });
        } finally {
          await context.close();
        }
      });
    }
  }
});
