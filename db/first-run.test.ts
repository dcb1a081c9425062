import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from './client';
import { ensureFirstRun } from './first-run';
import { createFirstAdmin } from './mutations/users';

// What db:prepare says about the session key: the real file, which an operator can find.
let dir: string;
let conn: Connection;
const saved = { ...process.env };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-first-run-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
  process.env.GAZETTE_DATA_DIR = dir;
  process.env.ADMIN_PASSWORD = 'first-run-password-1';
});

afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.env = { ...saved };
});

describe('ensureFirstRun', () => {
  it('names the file that holds the generated session key', async () => {
    delete process.env.AUTH_SECRET;
    const lines: string[] = [];
    await ensureFirstRun(conn, (line) => lines.push(line));
    const file = path.join(dir, 'auth-secret');
    expect(lines[0]).toBe(`db:prepare: sessions are signed with the key in ${file} (set AUTH_SECRET to use your own)`);
    expect(fs.readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(40);
  });

  it('says nothing about a key file when AUTH_SECRET is set, and makes none', async () => {
    process.env.AUTH_SECRET = 'k'.repeat(40);
    const lines: string[] = [];
    await ensureFirstRun(conn, (line) => lines.push(line));
    expect(lines.join('\n')).not.toContain('auth-secret');
    expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false);
  });

  it('makes a first admin only while no user exists, decided in the write transaction', async () => {
    await ensureFirstRun(conn, () => {});
    // What a second server starting at the same moment does after its own check found no user.
    const second = await createFirstAdmin({ email: 'other@localhost', name: 'Other', passwordHash: 'x' }, { id: null, email: null, ip: null }, conn.db);
    expect(second).toEqual({ ok: false, reason: 'users_exist' });
    expect(conn.sqlite.prepare('SELECT email, role FROM users').all()).toEqual([{ email: 'admin@localhost', role: 'admin' }]);
  });
});
