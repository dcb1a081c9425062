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

function runAndKill(run: number, afterMs: number): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const acked = new Map<number, number>();
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'db/testing/crash-writer.ts', String(run)],
      { cwd: path.resolve(__dirname, '..'), env: { ...process.env, GAZETTE_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffer = '';
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [, id, version] = line.split(' ');
        acked.set(Number(id), Number(version));
        // Start the clock at the first acknowledged save, so start-up time does not matter.
        if (!killed && acked.size === 1) {
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, afterMs);
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer ended without being killed: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('loses no acknowledged save and half-saves nothing across ten SIGKILLs', async () => {
    const allAcked = new Map<number, number>();
    for (let run = 0; run < 10; run++) {
      const acked = await runAndKill(run, 150 + ((run * 37) % 200));
      expect(acked.size, `run ${run} saved something before the kill`).toBeGreaterThan(0);
      for (const [id, version] of acked) allAcked.set(id, Math.max(version, allAcked.get(id) ?? 0));

      const db = new Database(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`).run()).toBeTruthy();
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
    expect(allAcked.size).toBeGreaterThan(10);
  }, 120_000);
});
