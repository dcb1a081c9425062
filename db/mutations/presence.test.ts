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
