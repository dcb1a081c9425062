import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, checkIntegrity, restore } from './backup';
import { openConnection, type Connection } from './client';
import { seedDatabase } from './seed';

let root: string;
let dataDir: string;
let writer: Connection;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-backup-'));
  dataDir = path.join(root, 'data');
  writer = openConnection(path.join(dataDir, 'gazette.db'));
  await seedDatabase(writer, { articles: 60, mediaDir: path.join(dataDir, 'media') });
}, 60_000);

afterAll(() => {
  writer?.sqlite.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const count = (conn: Connection, sql: string) => (conn.sqlite.prepare(sql).get() as { n: number }).n;

// Acknowledged = the insert returned before the backup finished.
function writeOneArticle(conn: Connection, i: number): void {
  conn.sqlite
    .prepare(
      `INSERT INTO articles (slug, section_id, title, body, body_text, status)
       VALUES (?, (SELECT min(id) FROM sections), ?, '{"type":"doc","content":[]}', 'Backup load', 'draft')`,
    )
    .run(`backup-load-${i}`, `Written during the backup ${i}`);
}

describe('backup and restore', () => {
  it('takes a consistent snapshot while another connection keeps writing, and restores it', async () => {
    let written = 0;
    const result = await backup({
      databaseFile: path.join(dataDir, 'gazette.db'),
      mediaDir: path.join(dataDir, 'media'),
      backupRoot: path.join(root, 'backups'),
      keep: 3,
      // Writes land between backup steps, as they would from the live site.
      onProgress: () => {
        if (written < 25) writeOneArticle(writer, written++);
      },
    });
    expect(written).toBeGreaterThan(0);
    expect(result.integrity).toBe('ok');
    expect(result.mediaFiles).toBeGreaterThan(10);

    const target = path.join(root, 'restored');
    restore({ backupDir: result.dir, dataDir: target });
    const restored = openConnection(path.join(target, 'gazette.db'));
    try {
      // Every write acknowledged before the backup returned is in the snapshot.
      expect(count(restored, `SELECT count(*) AS n FROM articles WHERE slug LIKE 'backup-load-%'`)).toBe(written);
      expect(count(restored, 'SELECT count(*) AS n FROM articles')).toBe(count(writer, 'SELECT count(*) AS n FROM articles'));
      // The search index came along and agrees with its table.
      expect(count(restored, `SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH '"backup"'`)).toBe(written);
      const hero = restored.sqlite.prepare('SELECT file FROM media LIMIT 1').get() as { file: string };
      expect(fs.existsSync(path.join(target, 'media', hero.file))).toBe(true);
    } finally {
      restored.sqlite.close();
    }
    expect(checkIntegrity(path.join(target, 'gazette.db'))).toBe('ok');
  }, 60_000);

  it('keeps only the newest backups', async () => {
    const backupRoot = path.join(root, 'rotating');
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await backup({
          databaseFile: path.join(dataDir, 'gazette.db'),
          mediaDir: path.join(dataDir, 'media'),
          backupRoot,
          keep: 2,
          now: new Date(Date.UTC(2026, 10, 20 + i, 3)),
        }),
      );
    }
    expect(fs.readdirSync(backupRoot).sort()).toEqual(['2026-11-22T03-00-00Z', '2026-11-23T03-00-00Z']);
    expect(results[3]?.removed).toEqual(['2026-11-21T03-00-00Z']);
  }, 60_000);

  it('refuses to restore over an existing database or from a folder that is not a backup', () => {
    expect(() => restore({ backupDir: path.join(root, 'nothing-here'), dataDir: path.join(root, 'x') })).toThrow(
      /no gazette\.db/,
    );
    const [first] = fs.readdirSync(path.join(root, 'rotating'));
    expect(() => restore({ backupDir: path.join(root, 'rotating', first as string), dataDir })).toThrow(
      /already has a database/,
    );
  });
});
