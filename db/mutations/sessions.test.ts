import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { getLiveSessionUser, getSessionUser, listOpenSessions } from '@/db/queries/users';
import { SESSION_KEEP_AFTER_EXPIRY_MS, SESSION_TTL_MS } from '@/platform/sessions';
import { hashToken } from '@/platform/tokens';
import { endAllSessions, endSession } from './sessions';
import { changeOwnPassword, changeUserRole, createUser, issuePasswordReset, recordSignIn, setUserDisabled } from './users';

// Server-side sessions against a real, migrated SQLite file (one per test).
let dir: string;
let conn: Connection;
const actor = { id: null, email: 'test', ip: '192.0.2.1' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-sessions-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
});
afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function make(email: string, role: 'admin' | 'editor' = 'editor') {
  const r = await createUser({ email, name: email, role, passwordHash: 'hash' }, actor, conn.db);
  if (!r.ok) throw new Error(r.reason);
  return r.id;
}

const signIn = async (userId: number, userAgent: string | null = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0') =>
  (await recordSignIn({ userId, email: `${userId}@x.test`, ip: '203.0.113.9', userAgent }, conn.db)).sessionId;

interface Row {
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  ip: string | null;
  user_agent: string | null;
}
const rows = (userId: number) => conn.sqlite.prepare('SELECT * FROM user_sessions WHERE user_id = ? ORDER BY created_at').all(userId) as Row[];
const auditActions = () =>
  (conn.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('signing in', () => {
  it('opens a session row that holds only the hash of the id the cookie carries', async () => {
    const user = await make('a@x.test');
    const before = Date.now();
    const sid = await signIn(user, `Mozilla/5.0 ${'x'.repeat(400)}`);
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = rows(user);
    expect(row!.id).toBe(hashToken(sid));
    expect(JSON.stringify(row)).not.toContain(sid);
    expect(row!.created_at).toBeGreaterThanOrEqual(before);
    expect(row!.expires_at - row!.created_at).toBe(SESSION_TTL_MS);
    expect(row!.ended_at).toBeNull();
    expect(row!.ip).toBe('203.0.113.9');
    expect(row!.user_agent).toHaveLength(200);
    expect(auditActions()).toContain('auth.sign_in');
  });

  it('gives every sign-in its own session', async () => {
    const user = await make('a@x.test');
    const first = await signIn(user);
    const second = await signIn(user);
    expect(first).not.toBe(second);
    expect(rows(user)).toHaveLength(2);
  });
});

describe('getLiveSessionUser', () => {
  it('accepts a live session and returns its user', async () => {
    const user = await make('a@x.test');
    const sid = await signIn(user);
    expect(await getLiveSessionUser(user, sid, new Date(), conn.db)).toEqual(await getSessionUser(user, conn.db));
  });

  it('refuses an unknown id, and another user’s session', async () => {
    const user = await make('a@x.test');
    const other = await make('b@x.test');
    await signIn(user);
    const theirs = await signIn(other);
    expect(await getLiveSessionUser(user, 'not-a-session-id', new Date(), conn.db)).toBeNull();
    expect(await getLiveSessionUser(user, theirs, new Date(), conn.db)).toBeNull();
    expect(await getLiveSessionUser(999, theirs, new Date(), conn.db)).toBeNull();
  });

  it('refuses an ended session', async () => {
    const user = await make('a@x.test');
    const sid = await signIn(user);
    await endSession(sid, user, { id: user, email: 'a@x.test', ip: null }, conn.db);
    expect(await getLiveSessionUser(user, sid, new Date(), conn.db)).toBeNull();
  });

  it('refuses an expired session: twelve hours after sign-in, however busy', async () => {
    const user = await make('a@x.test');
    const sid = await signIn(user);
    const { expires_at: expiresAt } = rows(user)[0]!;
    expect(await getLiveSessionUser(user, sid, new Date(expiresAt - 1), conn.db)).not.toBeNull();
    expect(await getLiveSessionUser(user, sid, new Date(expiresAt), conn.db)).toBeNull();
  });

  it('is one read by primary keys', async () => {
    const user = await make('a@x.test');
    const sid = await signIn(user);
    const statements: string[] = [];
    const prepare = conn.sqlite.prepare.bind(conn.sqlite);
    const spy = vi.spyOn(conn.sqlite, 'prepare').mockImplementation(((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof conn.sqlite.prepare);
    await getLiveSessionUser(user, sid, new Date(), conn.db);
    spy.mockRestore();
    expect(statements).toHaveLength(1);
    const plan = conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${statements[0]}`).all(user, hashToken(sid), Date.now(), 1) as { detail: string }[];
    const details = plan.map((p) => p.detail);
    expect(details).toHaveLength(2);
    expect(details.some((d) => /^SEARCH users USING INTEGER PRIMARY KEY/.test(d))).toBe(true);
    expect(details.some((d) => /^SEARCH user_sessions USING INDEX sqlite_autoindex_user_sessions_1 \(id=\?\)/.test(d))).toBe(true);
  });
});

describe('signing out', () => {
  it('ends only this browser’s session, and records the sign-out', async () => {
    const user = await make('a@x.test');
    const here = await signIn(user);
    const elsewhere = await signIn(user);
    await endSession(here, user, { id: user, email: 'a@x.test', ip: '203.0.113.9' }, conn.db);
    expect(await getLiveSessionUser(user, here, new Date(), conn.db)).toBeNull();
    expect(await getLiveSessionUser(user, elsewhere, new Date(), conn.db)).not.toBeNull();
    expect(auditActions().at(-1)).toBe('auth.sign_out');
  });

  it('cannot end someone else’s session', async () => {
    const user = await make('a@x.test');
    const other = await make('b@x.test');
    const theirs = await signIn(other);
    await endSession(theirs, user, { id: user, email: 'a@x.test', ip: null }, conn.db);
    expect(await getLiveSessionUser(other, theirs, new Date(), conn.db)).not.toBeNull();
  });
});

describe('signing out everywhere', () => {
  it('ends every open session of the user, moves the session version on and records it', async () => {
    const user = await make('a@x.test');
    const other = await make('b@x.test');
    const sids = [await signIn(user), await signIn(user), await signIn(user)];
    await endSession(sids[0]!, user, { id: user, email: 'a@x.test', ip: null }, conn.db);
    const theirs = await signIn(other);
    const version = (await getSessionUser(user, conn.db))!.sessionVersion;

    expect(await endAllSessions(user, { id: user, email: 'a@x.test', ip: '203.0.113.9' }, conn.db)).toEqual({ ok: true, ended: 2, invalidates: [] });
    for (const sid of sids) expect(await getLiveSessionUser(user, sid, new Date(), conn.db)).toBeNull();
    expect(rows(user).every((r) => r.ended_at != null)).toBe(true);
    expect((await getSessionUser(user, conn.db))!.sessionVersion).toBe(version + 1);
    expect(await getLiveSessionUser(other, theirs, new Date(), conn.db)).not.toBeNull();
    const entry = conn.sqlite.prepare("SELECT actor_id, target_id, details FROM audit_log WHERE action = 'auth.sign_out_everywhere'").get() as {
      actor_id: number;
      target_id: string;
      details: string;
    };
    expect(entry).toEqual({ actor_id: user, target_id: String(user), details: JSON.stringify({ sessions: 2 }) });
  });

  it('answers null for a user that no longer exists, and writes nothing', async () => {
    const before = auditActions();
    expect(await endAllSessions(999, actor, conn.db)).toEqual({ ok: false, reason: 'not_found' });
    expect(auditActions()).toEqual(before);
  });
});

describe('changes that end every session also end the rows', () => {
  it('a password change, an admin reset, a role change and disabling', async () => {
    await make('boss@x.test', 'admin');
    const user = await make('a@x.test');
    const steps: (() => Promise<unknown>)[] = [
      () => changeOwnPassword(user, 'new-hash', actor, conn.db),
      () => issuePasswordReset(user, actor, conn.db),
      () => changeUserRole(user, 'admin', actor, conn.db),
      () => setUserDisabled(user, true, actor, conn.db),
    ];
    for (const step of steps) {
      const sid = await signIn(user);
      await step();
      expect(await getLiveSessionUser(user, sid, new Date(), conn.db)).toBeNull();
      expect(rows(user).every((r) => r.ended_at != null)).toBe(true);
    }
  });
});

describe('old rows', () => {
  it('are deleted at the user’s next sign-in once a day past their expiry; recent and other users’ rows stay', async () => {
    const user = await make('a@x.test');
    const other = await make('b@x.test');
    const now = Date.now();
    const insert = conn.sqlite.prepare('INSERT INTO user_sessions (id, user_id, created_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?)');
    const longAgo = now - SESSION_KEEP_AFTER_EXPIRY_MS - 60_000;
    const lately = now - SESSION_KEEP_AFTER_EXPIRY_MS + 60_000;
    insert.run('old-expired', user, longAgo - SESSION_TTL_MS, longAgo, null);
    insert.run('old-ended', user, longAgo - SESSION_TTL_MS, longAgo, longAgo - SESSION_TTL_MS + 1);
    insert.run('recent-expired', user, lately - SESSION_TTL_MS, lately, null);
    insert.run('someone-elses', other, longAgo - SESSION_TTL_MS, longAgo, null);

    const sid = await signIn(user);
    expect(rows(user).map((r) => r.id)).toEqual(['recent-expired', hashToken(sid)]);
    expect(rows(other).map((r) => r.id)).toEqual(['someone-elses']);
  });
});

describe('listOpenSessions', () => {
  it('lists open sessions newest first and marks this browser’s', async () => {
    const user = await make('a@x.test');
    const first = await signIn(user, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0');
    conn.sqlite.prepare('UPDATE user_sessions SET created_at = created_at - 1000').run();
    const second = await signIn(user, null);
    const ended = await signIn(user);
    await endSession(ended, user, { id: user, email: 'a@x.test', ip: null }, conn.db);

    const list = await listOpenSessions(user, first, new Date(), conn.db);
    expect(list.map((s) => [s.userAgent, s.current])).toEqual([
      [null, false],
      ['Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', true],
    ]);
    expect(list[0]).toMatchObject({ ip: '203.0.113.9' });
    expect(JSON.stringify(list)).not.toContain(hashToken(second));
  });
});
