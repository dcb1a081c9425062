// Crash safety: a writer saving articles in a loop is killed with SIGKILL, ten
// times. After each kill the database passes integrity_check, no article is
// half-saved (every article has its bylines, tags, a revision per version and a
// search-index entry), and every save that was acknowledged is there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-crash-'));
const dbFile = path.join(dir, 'gazette.db');

beforeAll(async () => {
  process.env.GAZETTE_DATA_DIR = dir;
  const { openConnection } = await import('./client');
  const { sqlite } = openConnection(dbFile);
  sqlite.exec(`
    INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city');
    INSERT INTO tags (id, name, slug) VALUES (1, 'A', 'a'), (2, 'B', 'b'), (3, 'C', 'c');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'One', 'one'), (2, 'Two', 'two');
  `);
  sqlite.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Kills the writer as soon as it has acknowledged `killAfter` saves: it is always mid-way through
// the next one, and how fast the machine is decides nothing.
function runAndKill(run: number, killAfter: number): Promise<{ acked: Map<number, number>; lines: number }> {
  return new Promise((resolve, reject) => {
    const acked = new Map<number, number>();
    let lines = 0;
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'db/testing/crash-writer.ts', String(run)],
      { cwd: path.resolve(__dirname, '..'), env: { ...process.env, GAZETTE_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        const [, id, version] = line.split(' ');
        acked.set(Number(id), Number(version));
        lines += 1;
      }
      if (lines >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ acked, lines });
      else reject(new Error(`writer ended without being killed: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('loses no acknowledged save and half-saves nothing across ten SIGKILLs', async () => {
    const allAcked = new Map<number, number>();
    for (let run = 0; run < 10; run++) {
      // A different point in the write loop each run: after a create or after an edit, early or later.
      const killAfter = 1 + ((run * 7) % 20);
      const { acked, lines } = await runAndKill(run, killAfter);
      expect(lines, `run ${run} acknowledged saves before the kill`).toBeGreaterThanOrEqual(killAfter);
      for (const [id, version] of acked) allAcked.set(id, Math.max(version, allAcked.get(id) ?? 0));

      const db = new Database(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // With rank 1, FTS5 also compares its index with the articles it indexes (external content)
        // and throws SQLITE_CORRUPT_VTAB when they disagree; without it, only the index's own shape.
        expect(() => db.prepare(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
        const rows = db.prepare('SELECT id, version, title FROM articles').all() as { id: number; version: number; title: string }[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const [id, version] of allAcked) {
          expect(byId.get(id)?.version ?? 0, `acknowledged save of article ${id}`).toBeGreaterThanOrEqual(version);
        }
        for (const row of rows) {
          const links = db
            .prepare(
              `SELECT (SELECT count(*) FROM article_bylines WHERE article_id = ?) AS bylines,
                      (SELECT count(*) FROM article_tags WHERE article_id = ?) AS tags,
                      (SELECT count(*) FROM revisions WHERE article_id = ?) AS revisions,
                      (SELECT count(*) FROM articles_fts WHERE rowid = CAST(? AS INTEGER) AND articles_fts MATCH '"crash"') AS indexed`,
            )
            .get(row.id, row.id, row.id, row.id);
          expect(links, `article ${row.id} is whole`).toEqual({ bylines: 2, tags: 3, revisions: row.version, indexed: 1 });
        }
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
