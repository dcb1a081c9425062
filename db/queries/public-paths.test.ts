import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The look-up the server in front of Next asks before rendering a 404: it may only say
// "missing" when the page really is a 404.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-public-paths-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { forgetPublicPathCounts, isMissingPublicPath } = await import('./public-paths');
const { sqlite } = getConnection();

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0), (2, 'News Feed', 'news-feed', 1), (3, 'Empty', 'empty', 2);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
    INSERT INTO redirects (from_path, to_path, source) VALUES ('/city/old-story', '/city/story-1', 'auto'), ('/old-desk', '/city', 'manual'), ('/old-page.html', '/city', 'manual');
  `);
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, published_at, modified_at)
     VALUES (?, 1, 'news', ?, '', '{"type":"doc","content":[]}', '', 0, ?, ?, ?)`,
  );
  const now = Date.now();
  for (let i = 1; i <= 30; i++) {
    const { lastInsertRowid } = insert.run(`story-${i}`, `Story ${i}`, 'published', now - i * 1000, now);
    sqlite.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, 1, 0)').run(lastInsertRowid);
    sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, 1, 0)').run(lastInsertRowid);
  }
  insert.run('draft-story', 'Draft', 'draft', null, now);
  insert.run('pulled-story', 'Pulled', 'unpublished', now - 86_400_000, now);
  const trashed = insert.run('trashed-story', 'Trashed', 'published', now - 86_400_000, now);
  sqlite.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(now, trashed.lastInsertRowid);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('isMissingPublicPath', () => {
  it('says "missing" only for what no page answers', async () => {
    const missing = ['/nowhere', '/city/no-such-story', '/city/draft-story', '/tag/nothing', '/author/nobody', '/nowhere/rss.xml', '/tag/nothing/rss.xml', '/wp-login.php', '/.env', '/city/story-1/extra'];
    for (const url of missing) expect(await isMissingPublicPath(url), url).toBe(true);
  });

  it('names the article of an address readers once read and no longer can (unpublished or in the trash)', async () => {
    const id = (slug: string) => (sqlite.prepare('SELECT id FROM articles WHERE slug = ?').get(slug) as { id: number }).id;
    expect(await isMissingPublicPath('/city/pulled-story')).toEqual({ gone: id('pulled-story') });
    expect(await isMissingPublicPath('/city/trashed-story')).toEqual({ gone: id('trashed-story') });
    // The same slug in another section never held that story.
    expect(await isMissingPublicPath('/empty/pulled-story')).toBe(true);
  });

  it('lets Next answer everything that exists, redirects, and what it handles itself', async () => {
    const present = ['/city', '/empty', '/city/story-1', '/city/rss.xml', '/tag/transit', '/tag/transit/rss.xml', '/author/iryna-bondar', '/city/old-story', '/old-desk', '/old-desk/story-1', '/old-page.html', '/City/Story-1', '/search?q=x', '/', '/admin', '/city/'];
    for (const url of present) expect(await isMissingPublicPath(url), url).toBe(false);
  });

  it('knows the last page of each front (24 a page; 30 stories make two)', async () => {
    expect(await isMissingPublicPath('/city?page=2')).toBe(false);
    expect(await isMissingPublicPath('/city?page=1')).toBe(false);
    expect(await isMissingPublicPath('/city?page=3')).toBe(true);
    expect(await isMissingPublicPath('/city?page=abc')).toBe(true);
    expect(await isMissingPublicPath('/city?page=')).toBe(true);
    expect(await isMissingPublicPath('/empty?page=2')).toBe(true);
    expect(await isMissingPublicPath('/tag/transit?page=2')).toBe(false);
    expect(await isMissingPublicPath('/tag/transit?page=3')).toBe(true);
    expect(await isMissingPublicPath('/author/iryna-bondar?page=9999')).toBe(true);
    // The News Feed counts only short items: none here, so only its page 1 exists.
    expect(await isMissingPublicPath('/news-feed?page=2')).toBe(true);
    // An article ignores the query string.
    expect(await isMissingPublicPath('/city/story-1?page=99')).toBe(false);
  });

  it('knows the last page of the corrections (30 notes a page)', async () => {
    const at = new Date().toISOString();
    const notes = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ kind: 'correction', text: `Note ${i}`, at })));
    sqlite.prepare('UPDATE articles SET corrections = ? WHERE slug = ?').run(notes(20), 'story-1');
    sqlite.prepare('UPDATE articles SET corrections = ? WHERE slug = ?').run(notes(11), 'story-2');
    // Notes of stories readers cannot read do not count.
    sqlite.prepare('UPDATE articles SET corrections = ? WHERE slug = ?').run(notes(40), 'pulled-story');
    forgetPublicPathCounts();
    expect(await isMissingPublicPath('/corrections')).toBe(false);
    expect(await isMissingPublicPath('/corrections?page=1')).toBe(false);
    expect(await isMissingPublicPath('/corrections?page=2')).toBe(false);
    expect(await isMissingPublicPath('/corrections?page=3')).toBe(true);
    expect(await isMissingPublicPath('/corrections?page=999')).toBe(true);
    expect(await isMissingPublicPath('/corrections?page=abc')).toBe(true);
  });
});

describe('front counts', () => {
  it('are kept until forgotten: a new page appears after the next change', async () => {
    expect(await isMissingPublicPath('/city?page=3')).toBe(true);
    const insert = sqlite.prepare(
      `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, published_at, modified_at)
       VALUES (?, 1, 'news', 'More', '', '{"type":"doc","content":[]}', '', 0, 'published', ?, ?)`,
    );
    for (let i = 0; i < 20; i++) insert.run(`more-${i}`, Date.now(), Date.now());
    // Still the count read before (no change was announced).
    expect(await isMissingPublicPath('/city?page=3')).toBe(true);
    forgetPublicPathCounts();
    expect(await isMissingPublicPath('/city?page=3')).toBe(false);
  });
});
