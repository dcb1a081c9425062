import { expect, test } from '@playwright/test';
import { getPublishedArticle } from './fixtures';
import { withWritableTestDb } from './seo-helpers';

// Old addresses answer 308 to the one current address. Rows are inserted as the redirect
// mutation would, before the first request for the old address.

test('a changed slug, a renamed section and an editor’s redirect answer 308', async ({ request, baseURL }) => {
  const seeded = getPublishedArticle();
  const stamp = Date.now();
  const oldArticle = `/${seeded.sectionSlug}/e2e-old-slug-${stamp}`;
  const oldSection = `/e2e-old-section-${stamp}`;
  withWritableTestDb((db) => {
    const insert = db.prepare(`INSERT INTO redirects (from_path, to_path, source) VALUES (?, ?, ?)`);
    insert.run(oldArticle, seeded.url, 'auto');
    insert.run(oldSection, `/${seeded.sectionSlug}`, 'auto');
  });
  try {
    const moved = await request.get(oldArticle, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers().location).toMatch(new RegExp(`${seeded.url}$`));

    const section = await request.get(oldSection, { maxRedirects: 0 });
    expect(section.status()).toBe(308);
    expect(section.headers().location).toMatch(new RegExp(`/${seeded.sectionSlug}$`));

    // An article under the old section follows the section.
    const under = await request.get(`${oldSection}/${seeded.slug}`, { maxRedirects: 0 });
    expect(under.status()).toBe(308);
    expect(under.headers().location).toMatch(new RegExp(`${seeded.url}$`));

    // Followed, it lands on the article.
    const followed = await request.get(oldArticle);
    expect(followed.status()).toBe(200);
    expect(followed.url()).toBe(`${baseURL}${seeded.url}`);
  } finally {
    withWritableTestDb((db) => db.prepare(`DELETE FROM redirects WHERE from_path IN (?, ?)`).run(oldArticle, oldSection));
  }
});

test('one address per page: no trailing slash, no uppercase', async ({ request }) => {
  const seeded = getPublishedArticle();
  const slash = await request.get(`${seeded.url}/`, { maxRedirects: 0 });
  expect(slash.status()).toBe(308);
  expect(slash.headers().location).toMatch(new RegExp(`${seeded.url}$`));

  const upper = await request.get(seeded.url.toUpperCase(), { maxRedirects: 0 });
  expect(upper.status()).toBe(308);
  expect(upper.headers().location).toMatch(new RegExp(`${seeded.url}$`));

  const upperSection = await request.get(`/${seeded.sectionSlug.toUpperCase()}`, { maxRedirects: 0 });
  expect(upperSection.status()).toBe(308);

  // Unknown addresses stay 404.
  expect((await request.get(`/${seeded.sectionSlug}/e2e-never-existed`, { maxRedirects: 0 })).status()).toBe(404);
});
