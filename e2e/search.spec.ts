import { expect, test } from '@playwright/test';
import { HOSTILE_QUERIES } from '../lib/testing/hostile-queries';
import { getTitleWordAlsoInBodies } from './reader-fixtures';

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
  const typed = `${word.slice(0, -2)}`;
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
