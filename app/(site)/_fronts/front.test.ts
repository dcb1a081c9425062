import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonLdObject } from '@/lib/seo/structured-data';

// A front's page and its metadata, through the routes' one entry point, against a private
// database: page 1 and page 2 say the same about the front, and both carry JSON-LD. The SEO
// rules themselves are in lib/seo/fronts.test.ts.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-fronts-'));
process.env.GAZETTE_DATA_DIR = dir;
process.env.SITE_URL = 'https://gazette.test';
vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const { getConnection } = await import('@/db/client');
const { FrontPage, frontMetadata } = await import('./front');
const { JsonLd } = await import('@/components/seo/json-ld');
const { sqlite } = getConnection();

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('site_name', '"The Courier"');
    INSERT INTO sections (id, name, slug, description, position) VALUES (1, 'City', 'city', 'Kyiv, street by street.', 0), (2, 'Sport', 'sport', '', 1);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit');
    INSERT INTO bylines (id, name, slug, bio) VALUES (1, 'Iryna Bondar', 'iryna-bondar', 'Covers the city council.');
    INSERT INTO redirects (from_path, to_path, source) VALUES ('/old-desk', '/city', 'manual');
  `);
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, published_at, modified_at)
     VALUES (?, ?, 'news', ?, '', '{"type":"doc","content":[]}', '', 0, 'published', ?, ?)`,
  );
  const now = Date.now();
  // 30 stories in City (two pages of 24), each tagged and bylined; 30 in Sport.
  for (let i = 1; i <= 30; i++) {
    const { lastInsertRowid } = insert.run(`story-${i}`, 1, `Story ${i}`, now - i * 1000, now);
    sqlite.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, 1, 0)').run(lastInsertRowid);
    sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, 1, 0)').run(lastInsertRowid);
    insert.run(`match-${i}`, 2, `Match ${i}`, now - i * 1000, now);
  }
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The JSON-LD the page renders (FrontPage returns the script next to the page body).
function jsonLdOf(element: ReactElement): JsonLdObject[] {
  const { children } = element.props as { children: ReactNode };
  const script = Children.toArray(children).find((child) => isValidElement(child) && child.type === JsonLd);
  if (!isValidElement(script)) throw new Error('no JSON-LD on the page');
  const { data } = script.props as { data: JsonLdObject | JsonLdObject[] };
  return Array.isArray(data) ? data : [data];
}

const FRONTS = [
  { kind: 'section' as const, slug: 'city', main: 'CollectionPage', description: 'Kyiv, street by street.' },
  {
    kind: 'section' as const,
    slug: 'sport',
    main: 'CollectionPage',
    description: 'The latest Sport stories from The Courier: reporting, analysis and updates as they happen.',
  },
  { kind: 'tag' as const, slug: 'transit', main: 'CollectionPage', description: 'Every The Courier story about Transit, newest first.' },
  { kind: 'author' as const, slug: 'iryna-bondar', main: 'ProfilePage', description: 'Covers the city council.' },
];

describe('a front, page 1 and page 2', () => {
  for (const front of FRONTS) {
    it(`gives the ${front.kind} front “${front.slug}” one description and JSON-LD on every page`, async () => {
      const [first, second] = await Promise.all([
        frontMetadata(front.kind, front.slug),
        frontMetadata(front.kind, front.slug, '2'),
      ]);
      expect(first.description).toBe(front.description);
      expect(second.description).toBe(front.description);
      expect(String(second.title)).toBe(`${String(first.title)} — page 2`);
      expect(String(second.alternates?.canonical)).toBe(`${String(first.alternates?.canonical)}?page=2`);

      const pages = [
        await FrontPage({ kind: front.kind, slug: front.slug }),
        await FrontPage({ kind: front.kind, slug: front.slug, page: '2' }),
      ];
      for (const [index, page] of pages.entries()) {
        const ld = jsonLdOf(page);
        expect(ld.map((o) => o['@type'])).toEqual([front.main, 'BreadcrumbList']);
        const main = ld[0]!;
        expect(main.url).toBe([first, second][index]!.alternates?.canonical);
        const description = front.kind === 'author' ? (main.mainEntity as { description: string }).description : main.description;
        expect(description).toBe(front.description);
      }
    });
  }

  it('lists the page’s own articles in the CollectionPage', async () => {
    const first = jsonLdOf(await FrontPage({ kind: 'section', slug: 'city' }));
    const second = jsonLdOf(await FrontPage({ kind: 'section', slug: 'city', page: '2' }));
    const names = (ld: JsonLdObject[]) =>
      (ld[0]!.mainEntity as { itemListElement: { name: string }[] }).itemListElement.map((i) => i.name);
    expect(names(first)).toHaveLength(24);
    expect(names(first)[0]).toBe('Story 1');
    expect(names(second)).toEqual(['Story 25', 'Story 26', 'Story 27', 'Story 28', 'Story 29', 'Story 30']);
  });
});

describe('pages a front does not have', () => {
  it('is a 404 past the end and for a malformed number, a 308 to the bare address for page 1', async () => {
    for (const page of ['3', 'invalid', '0', '02']) {
      await expect(FrontPage({ kind: 'tag', slug: 'transit', page }), page).rejects.toMatchObject({
        digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
      });
      expect((await frontMetadata('tag', 'transit', page)).robots).toMatchObject({ index: false });
    }
    await expect(FrontPage({ kind: 'tag', slug: 'transit', page: '1' })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;[a-z]+;\/tag\/transit;308;/),
    });
  });

  it('redirects a moved front’s bare address, and answers 404 for its page N', async () => {
    await expect(FrontPage({ kind: 'section', slug: 'old-desk' })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;[a-z]+;\/city;308;/),
    });
    await expect(FrontPage({ kind: 'section', slug: 'old-desk', page: '2' })).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
    });
    await expect(FrontPage({ kind: 'author', slug: 'nobody' })).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
    });
  });
});
