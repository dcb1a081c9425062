// npm run screenshots -- [base URL]   (default http://127.0.0.1:3000, a running server)
// Full-page PNGs of the front page, a section front and an article at phone and desktop
// widths, into screenshots/ (gitignored), for looking at design changes by eye. A tool,
// not a test: it asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { systemChromiumLaunchOptions } from '../e2e/browser';

const base = (process.argv[2] || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const OUT = path.resolve('screenshots');

const SCREENS = [
  { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  { width: 1440, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
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

async function main() {
  const home = await (await fetch(`${base}/`)).text();
  const article = /href="(\/(?!tag\/|author\/)[a-z0-9-]+\/[a-z0-9-]+)"/.exec(home)?.[1];
  const section = article ? `/${article.split('/')[1]}` : null;
  const targets = [
    { name: 'home', url: '/' },
    ...(section ? [{ name: 'section', url: section }] : []),
    ...(article ? [{ name: 'article', url: article }] : []),
  ];
  const browser = await chromium.launch(systemChromiumLaunchOptions());
  fs.mkdirSync(OUT, { recursive: true });
  try {
    for (const { width, height, ...device } of SCREENS) {
      const context = await browser.newContext({ viewport: { width, height }, ...device });
      const page = await context.newPage();
      for (const target of targets) {
        await page.goto(base + target.url, { waitUntil: 'load' });
        await settle(page);
        const file = path.join(OUT, `${target.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`screenshots: ${file}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
