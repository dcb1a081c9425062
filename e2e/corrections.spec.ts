import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test } from './auth-fixtures';
import { publishThroughScheduler } from './desk-fixtures';

// The public record of corrections: a note published with its article appears on
// /corrections with its kind, time (newsroom zone) and a link to the article, and the
// article's foot labels it the same way.

test('a published clarification is listed on /corrections and labelled at the article foot', { tag: '@desktop' }, async ({ page, request }) => {
  test.setTimeout(60_000);
  const text = `An earlier version gave the wrong opening hours ${randomUUID().slice(0, 6)}.`;
  const article = await publishThroughScheduler(request, {
    corrections: [
      { at: '2030-01-10T08:00:00.000Z', text: `First note ${randomUUID().slice(0, 6)}` },
      { at: '2030-01-11T10:15:00.000Z', kind: 'clarification', text },
    ],
  });

  await page.goto('/corrections');
  await expect(page.getByRole('heading', { name: 'Corrections and updates', level: 1 })).toBeVisible();
  const item = page.getByTestId('corrections-list').getByRole('listitem').filter({ hasText: text });
  await expect(item.getByTestId('note-kind')).toHaveText('Clarification');
  // 10:15 UTC is 12:15 in Kyiv in January.
  await expect(item).toContainText('January 11, 2030, 12:15');
  await expect(item.getByRole('link', { name: article.title })).toHaveAttribute('href', article.url);
  // The older note without a kind reads as a correction, and comes after (newest first).
  const items = page.getByTestId('corrections-list').getByRole('listitem');
  const texts = await items.allTextContents();
  const newer = texts.findIndex((t) => t.includes(text));
  const older = texts.findIndex((t) => t.includes('First note') && t.includes(article.title));
  expect(newer).toBeGreaterThanOrEqual(0);
  expect(older).toBeGreaterThan(newer);
  expect(texts[older]).toContain('Correction');

  await page.goto(article.url);
  const foot = page.getByRole('complementary', { name: 'Corrections' });
  await expect(foot).toContainText(`Clarification: ${text}`);
  await expect(foot).toContainText('Correction: First note');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Corrections and updates' })).toHaveAttribute('href', '/corrections');

  // Malformed and out-of-range pages are 404s, page 1 has one address.
  expect((await request.get('/corrections?page=abc')).status()).toBe(404);
  expect((await request.get('/corrections?page=999')).status()).toBe(404);
  const first = await request.get('/corrections?page=1', { maxRedirects: 0 });
  expect(first.status()).toBe(308);
});

test('/corrections has no serious axe violation, in either theme', { tag: '@desktop' }, async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/corrections');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious, scheme).toEqual([]);
  }
});
