import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../db/client';
import { getUserForSignIn, getValidOneTimeLink } from '../db/queries/users';
import { verifyPassword } from '../platform/passwords';

// `npm run user` as an operator runs it, against a data directory of its own: the command
// (node --conditions=react-server --import tsx scripts/user.ts), its output and the rows it leaves.
const root = path.join(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-user-cli-'));
let conn: Connection;

beforeAll(() => {
  // A migrated database, as db:prepare leaves it.
  conn = openConnection(path.join(dir, 'gazette.db'));
});

afterAll(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function user(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/user.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', GAZETTE_DATA_DIR: dir, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout.trim().split('\n'), stderr: run.stderr.trim() };
}

const tokenIn = (line: string | undefined) => {
  const match = /^(.*)\/login\/set-password\?token=([^&\s]+)$/.exec(line ?? '');
  if (!match) throw new Error(`no one-time link in ${JSON.stringify(line)}`);
  return { base: match[1], token: decodeURIComponent(match[2]!) };
};

describe('npm run user', () => {
  it('create: adds the user without a password and prints a one-time link that opens', { timeout: 60_000 }, async () => {
    const run = user(['create', '--email', 'Ed@Example.test', '--role', 'editor', '--name', 'Ed Itor']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout[0]).toBe('user: created editor ed@example.test. One-time link to set the password (valid 72 hours):');
    const { base, token } = tokenIn(run.stdout[1]);
    expect(base).toBe('');
    expect(await getValidOneTimeLink(token, conn.db)).toMatchObject({ email: 'ed@example.test', name: 'Ed Itor', kind: 'invite' });
    expect(await getUserForSignIn('ed@example.test', conn.db)).toMatchObject({ role: 'editor', passwordHash: null });
  });

  it('create: refuses an email that exists, a bad role and a bad email, changing nothing', { timeout: 60_000 }, () => {
    const count = () => conn.sqlite.prepare('SELECT count(*) FROM users').pluck().get();
    const before = count();
    const again = user(['create', '--email', 'ed@example.test', '--role', 'admin']);
    expect([again.status, again.stderr]).toEqual([1, 'user: ed@example.test already exists (use reset)']);
    const role = user(['create', '--email', 'new@example.test', '--role', 'chief']);
    expect([role.status, role.stderr]).toEqual([1, 'user: --role must be one of contributor, author, editor, admin']);
    const email = user(['create', '--email', 'not-an-email', '--role', 'editor']);
    expect([email.status, email.stderr]).toEqual([1, 'user: give a valid --email']);
    expect(count()).toBe(before);
  });

  it('create --password-stdin: the password read from stdin signs in, and is never printed', { timeout: 60_000 }, async () => {
    const run = user(['create', '--email', 'au@example.test', '--role', 'author', '--password-stdin'], {
      input: 'a-long-enough-password-1\n',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toEqual(['user: created author au@example.test with the password from stdin']);
    const created = await getUserForSignIn('au@example.test', conn.db);
    expect(await verifyPassword(created!.passwordHash!, 'a-long-enough-password-1')).toBe(true);
  });

  it('reset: ends every session, voids the password and prints a new link, in full with SITE_URL', { timeout: 60_000 }, async () => {
    const { id } = (await getUserForSignIn('au@example.test', conn.db))!;
    conn.sqlite
      .prepare(`INSERT INTO user_sessions (id, user_id, expires_at) VALUES ('session-hash', ?, ?)`)
      .run(id, Date.now() + 3_600_000);
    const run = user(['reset', '--email', 'au@example.test'], { env: { SITE_URL: 'https://news.example.test/' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout[0]).toBe(
      'user: au@example.test is signed out everywhere and the old password no longer works. One-time link (valid 72 hours):',
    );
    const { base, token } = tokenIn(run.stdout[1]);
    expect(base).toBe('https://news.example.test');
    expect(await getValidOneTimeLink(token, conn.db)).toMatchObject({ email: 'au@example.test', kind: 'reset' });
    expect((await getUserForSignIn('au@example.test', conn.db))!.passwordHash).toBeNull();
    expect(conn.sqlite.prepare('SELECT ended_at FROM user_sessions WHERE user_id = ?').pluck().all(id)).toEqual([expect.any(Number)]);
  });

  it('reset: an unknown email is one line and exit 1', { timeout: 60_000 }, () => {
    const run = user(['reset', '--email', 'nobody@example.test']);
    expect([run.status, run.stderr]).toEqual([1, 'user: no user nobody@example.test']);
  });
});
