import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-presence-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { leavePresence, PRESENT_FOR_MS, touchPresence } = await import('./presence');
const { sqlite } = getConnection();

sqlite.exec(`
  INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city');
  INSERT INTO users (id, email, name, role) VALUES (1, 'a@example.org', 'Ann Author', 'author'), (2, 'e@example.org', 'Ed Editor', 'editor');
  INSERT INTO articles (id, slug, section_id, title, body) VALUES (1, 'a', 1, 'A', '{"type":"doc","content":[]}');
`);

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('article presence', () => {
  it('shows each editor the others who have the article open, until they leave or go quiet', async () => {
    const t = new Date('2026-11-27T10:00:00Z');
    const others = async (userId: number, at: Date) => (await touchPresence(1, userId, at)).others;
    expect(await others(1, t)).toEqual([]);
    expect(await others(2, new Date(t.getTime() + 5_000))).toEqual([{ id: 1, name: 'Ann Author' }]);
    expect(await others(1, new Date(t.getTime() + 10_000))).toEqual([{ id: 2, name: 'Ed Editor' }]);
    // Ed's tab went quiet.
    expect(await others(1, new Date(t.getTime() + 10_000 + PRESENT_FOR_MS + 1_000))).toEqual([]);
    await touchPresence(1, 2, new Date(t.getTime() + 70_000));
    await leavePresence(1, 2);
    expect(await others(1, new Date(t.getTime() + 71_000))).toEqual([]);
  });
});

describe('presence expiry and goodbye', () => {
  it('counts a colleague as present until PRESENT_FOR_MS after their last heartbeat, on the clock it is given', async () => {
    sqlite.exec(`INSERT INTO articles (id, slug, section_id, title, body) VALUES (2, 'b', 1, 'B', '{"type":"doc","content":[]}');`);
    const t = new Date('2026-12-02T09:00:00Z');
    const at = (ms: number) => new Date(t.getTime() + ms);
    await touchPresence(2, 2, t);
    expect((await touchPresence(2, 1, at(PRESENT_FOR_MS - 1))).others).toEqual([{ id: 2, name: 'Ed Editor' }]);
    expect((await touchPresence(2, 1, at(PRESENT_FOR_MS))).others).toEqual([]);
  });

  it("removes the closing editor's row at once, and only theirs", async () => {
    sqlite.exec(`INSERT INTO articles (id, slug, section_id, title, body) VALUES (3, 'c', 1, 'C', '{"type":"doc","content":[]}');`);
    const t = new Date('2026-12-02T09:00:00Z');
    await touchPresence(3, 1, t);
    await touchPresence(3, 2, t);
    await touchPresence(1, 2, t);
    await leavePresence(3, 2);
    const rows = sqlite.prepare('SELECT article_id AS articleId, user_id AS userId FROM article_presence WHERE article_id IN (1, 3) AND (user_id = 2 OR article_id = 3) ORDER BY article_id').all();
    expect(rows).toEqual([
      { articleId: 1, userId: 2 },
      { articleId: 3, userId: 1 },
    ]);
    // The one who stayed sees nobody else, at the very same moment.
    expect((await touchPresence(3, 1, t)).others).toEqual([]);
  });
});
