import type { Page } from '@playwright/test';
import { expect, test, testDb } from './auth-fixtures';
import { insertArticle } from './desk-fixtures';

// Every newsroom page, opened by an admin, without a console error, an uncaught exception or a
// Content-Security-Policy violation (proxy.ts sets a nonce CSP on /admin). A hydration mismatch
// (React error #418) or a blocked inline script shows up here before a reader of the log does.

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

// Chromium reports CSP violations as console errors too; the event names the directive.
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

// Far from both the server's zone (Los Angeles) and the newsroom's (Kyiv), in another language:
// a date or number formatted by the browser's own settings would not match the server's HTML.
test.use({ timezoneId: 'Pacific/Auckland', locale: 'de-DE' });

test('every newsroom page opens without a console error or CSP violation', async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await signInAs('admin');
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // An article with a hero and a body image, as most of the desk's stories have.
  const withImages = testDb()
    .prepare(`SELECT id FROM articles WHERE hero_media_id IS NOT NULL AND deleted_at IS NULL AND body LIKE '%"image"%' ORDER BY id LIMIT 1`)
    .pluck()
    .get() as number | undefined;
  const draft = insertArticle({});
  // The editor's status panel shows times for these.
  const scheduled = insertArticle({ status: 'scheduled', scheduledAt: Date.now() + 7 * 24 * 60 * 60 * 1000 });
  const approved = insertArticle({ status: 'approved' });
  const mediaId = testDb().prepare('SELECT id FROM media ORDER BY id LIMIT 1').pluck().get() as number;

  const pages = [
    '/admin',
    '/admin/articles',
    '/admin/articles/new',
    `/admin/articles/${draft.id}`,
    `/admin/articles/${scheduled.id}`,
    `/admin/articles/${approved.id}`,
    ...(withImages ? [`/admin/articles/${withImages}`] : []),
    `/admin/articles/${draft.id}/revisions`,
    '/admin/media',
    `/admin/media/${mediaId}`,
    '/admin/sections',
    '/admin/tags',
    '/admin/bylines',
    '/admin/curation',
    '/admin/redirects',
    '/admin/settings',
    '/admin/users',
    '/admin/audit',
    '/admin/account',
  ];
  const found: string[] = [];
  for (const path of pages) {
    const problems = watchProblems(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main').first()).toBeVisible();
    const csp = await cspViolations(page);
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    for (const problem of [...problems, ...csp.map((v) => `csp: ${v}`)]) found.push(`${path} — ${problem}`);
  }
  expect(found).toEqual([]);
});
