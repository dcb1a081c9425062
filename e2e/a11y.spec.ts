import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { getPublishedArticle } from './fixtures';
import { biggest } from './reader-fixtures';

// axe-core on every reader page type, in the light and the dark theme (system setting).

const PAGES = [
  { name: 'home', url: () => '/' },
  { name: 'section', url: () => `/${biggest('section').slug}` },
  { name: 'section page 2', url: () => `/${biggest('section').slug}?page=2` },
  { name: 'news feed', url: () => '/news-feed' },
  { name: 'tag', url: () => `/tag/${biggest('tag').slug}` },
  { name: 'byline', url: () => `/author/${biggest('byline').slug}` },
  { name: 'article', url: () => getPublishedArticle().url },
  { name: 'search', url: () => '/search?q=city' },
  { name: 'not found', url: () => '/no-such-page-here' },
  // The notice a withdrawn article's address answers with (as 410, through the gateway).
  { name: 'withdrawn', url: () => '/withdrawn' },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    for (const target of PAGES) {
      test(`${target.name} has no serious or critical axe violation`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(target.url());
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(serious, `${target.name} in ${scheme}`).toEqual([]);
      });
    }
  });
}
