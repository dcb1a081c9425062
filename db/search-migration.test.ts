import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';

// A newsroom's existing database gains searchable bylines and tags and the spelling dictionary
// (migrations *_search_names_columns and *_search_people_tags, decision 019) with its content.

const MIGRATIONS = path.resolve(__dirname, 'migrations');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-search-migration-'));
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the search migrations on a database with content', () => {
  it('fill the names, rebuild the index and keep it right afterwards', () => {
    const before = journal.entries.findIndex((e) => e.tag.endsWith('_search_names_columns'));
    expect(before).toBeGreaterThan(0);
    const older = path.join(dir, 'older');
    fs.cpSync(MIGRATIONS, older, { recursive: true });
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));

    const sqlite = new Database(path.join(dir, 'gazette.db'));
    applyMigrations(sqlite, older, 1_000);
    sqlite.exec(`INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city');
      INSERT INTO bylines (id, name, slug) VALUES (1, 'Olena Marchuk', 'olena-marchuk');
      INSERT INTO tags (id, name, slug) VALUES (1, 'Waterfront', 'waterfront');
      INSERT INTO articles (id, slug, section_id, title, body, body_text, status) VALUES
        (1, 'a', 1, 'Ferry returns', '{}', 'The crossing reopens.', 'published'),
        (2, 'b', 1, 'Council notes', '{}', 'Minutes.', 'published');
      INSERT INTO article_bylines (article_id, byline_id, position) VALUES (1, 1, 0);
      INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, 1, 0);`);

    expect(applyMigrations(sqlite, MIGRATIONS, 1_000).applied).toBe(journal.entries.length - before);
    const found = (q: string) => (sqlite.prepare('SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?').all(q) as { id: number }[]).map((r) => r.id);
    expect(sqlite.prepare('SELECT byline_names, tag_names FROM articles WHERE id = 1').get()).toEqual({
      byline_names: 'Olena Marchuk',
      tag_names: 'Waterfront',
    });
    expect(found('marchuk')).toEqual([1]);
    expect(found('waterfront')).toEqual([1]);
    expect(found('crossing')).toEqual([1]);
    expect(sqlite.prepare(`SELECT doc FROM articles_words_vocab WHERE term = 'ferry'`).get()).toEqual({ doc: 1 });

    // The triggers take over from here.
    sqlite.exec(`INSERT INTO article_bylines (article_id, byline_id, position) VALUES (2, 1, 0); UPDATE tags SET name = 'Riverside' WHERE id = 1`);
    expect(found('marchuk')).toEqual([1, 2]);
    expect(found('waterfront')).toEqual([]);
    expect(found('riverside')).toEqual([1]);
    sqlite.exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check'); INSERT INTO articles_words(articles_words) VALUES ('integrity-check')`);
    sqlite.close();
  });
});
