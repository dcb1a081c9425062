import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildMatchExpression } from '@/lib/site/search-query';
import { HOSTILE_QUERIES as HOSTILE } from '@/lib/testing/hostile-queries';

// lib/site/search-query.ts against a real FTS5 table with the production tokenizer.
describe('buildMatchExpression in SQLite', () => {
  // The real check: SQLite accepts every expression, whatever the input.
  it('always produces a valid FTS5 query', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2');" +
        "INSERT INTO t VALUES ('The bridge reopens', 'Council votes on the port'), ('Київ міст', 'Café résumé'), ('Libraries', 'running');",
    );
    const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    for (const input of HOSTILE) {
      const match = buildMatchExpression(input);
      if (match) expect(() => search.all(match), input).not.toThrow();
    }
    const count = (input: string) => search.all(buildMatchExpression(input)!).length;
    expect(count('BRIDGE')).toBe(1);
    expect(count('bridg')).toBe(1);
    expect(count('cafe resume')).toBe(1);
    expect(count('киї')).toBe(1);
    expect(count('libraries')).toBe(1);
    expect(count('bridge council')).toBe(1);
    expect(count('bridge libraries')).toBe(0);
    db.close();
  });
});
