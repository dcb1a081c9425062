import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { ensureFirstRun } from '@/db/first-run';
import { getSessionUser, getUserForSignIn, getValidOneTimeLink } from '@/db/queries/users';
import { verifyPassword } from '@/platform/passwords';
import { changeUserRole, createUser, inviteUser, issuePasswordReset, setPasswordWithToken, setUserDisabled } from './users';

// The user mutations against a real, migrated SQLite file (one per test).
let dir: string;
let conn: Connection;
const actor = { id: null, email: 'test', ip: '192.0.2.1' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-users-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
});
afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function make(email: string, role: 'admin' | 'editor' | 'contributor', disabled = false) {
  const r = await createUser({ email, name: email, role, passwordHash: null }, actor, conn.db);
  if (!r.ok) throw new Error(r.reason);
  if (disabled) await setUserDisabled(r.id, true, actor, conn.db);
  return r.id;
}

const auditActions = () =>
  (conn.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('the last active admin', () => {
  it('can be neither demoted nor disabled, and nothing changes', async () => {
    const admin = await make('a@x.test', 'admin');
    await make('b@x.test', 'admin', true);
    const before = await getSessionUser(admin, conn.db);
    expect(await changeUserRole(admin, 'editor', actor, conn.db)).toEqual({ ok: false, reason: 'last_admin' });
    expect(await setUserDisabled(admin, true, actor, conn.db)).toEqual({ ok: false, reason: 'last_admin' });
    expect(await getSessionUser(admin, conn.db)).toEqual(before);
  });

  it('can step down once another admin is active; the change ends their sessions', async () => {
    const a = await make('a@x.test', 'admin');
    await make('b@x.test', 'admin');
    const before = (await getSessionUser(a, conn.db))!;
    expect(await changeUserRole(a, 'editor', actor, conn.db)).toEqual({ ok: true, invalidates: [] });
    const after = (await getSessionUser(a, conn.db))!;
    expect(after.role).toBe('editor');
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(auditActions()).toContain('user.role_changed');
  });
});

describe('disabling yourself', () => {
  it('is refused, even with other admins about, and nothing changes', async () => {
    const me = await make('me@x.test', 'admin');
    await make('other@x.test', 'admin');
    const before = await getSessionUser(me, conn.db);
    const auditsBefore = auditActions();
    expect(await setUserDisabled(me, true, { ...actor, id: me }, conn.db)).toEqual({ ok: false, reason: 'self_disable' });
    expect(await getSessionUser(me, conn.db)).toEqual(before);
    expect(auditActions()).toEqual(auditsBefore);
  });

  it('does not stop an admin disabling someone else', async () => {
    const me = await make('me@x.test', 'admin');
    const them = await make('them@x.test', 'editor');
    expect(await setUserDisabled(them, true, { ...actor, id: me }, conn.db)).toEqual({ ok: true, invalidates: [] });
    expect((await getSessionUser(them, conn.db))?.disabled).toBe(true);
  });
});

describe('one-time links', () => {
  it('work once', async () => {
    const invited = await inviteUser({ email: 'new@x.test', name: 'New', role: 'author' }, actor, conn.db);
    if (!invited.ok) throw new Error(invited.reason);
    const { token } = invited;
    expect(await getValidOneTimeLink(token, conn.db)).toMatchObject({ email: 'new@x.test', kind: 'invite' });
    const first = await setPasswordWithToken(token, 'hash-1', null, conn.db);
    expect(first.ok).toBe(true);
    expect(await setPasswordWithToken(token, 'hash-2', null, conn.db)).toEqual({ ok: false, reason: 'not_found' });
    expect((await getUserForSignIn('new@x.test', conn.db))?.passwordHash).toBe('hash-1');
    expect(await getValidOneTimeLink(token, conn.db)).toBeNull();
  });

  it('expire after 72 hours', async () => {
    const invited = await inviteUser({ email: 'late@x.test', name: 'Late', role: 'author' }, actor, conn.db);
    if (!invited.ok) throw new Error(invited.reason);
    conn.sqlite.prepare('UPDATE user_tokens SET expires_at = ?').run(Date.now() - 1);
    expect(await getValidOneTimeLink(invited.token, conn.db)).toBeNull();
    expect(await setPasswordWithToken(invited.token, 'h', null, conn.db)).toEqual({ ok: false, reason: 'not_found' });
    expect((await getUserForSignIn('late@x.test', conn.db))?.passwordHash).toBeNull();
  });

  it('are stored only as a hash', async () => {
    const invited = await inviteUser({ email: 'h@x.test', name: 'H', role: 'author' }, actor, conn.db);
    if (!invited.ok) throw new Error(invited.reason);
    const rows = conn.sqlite.prepare('SELECT token_hash FROM user_tokens').all() as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(invited.token);
  });

  it('a reset voids the old password, the previous link and every session', async () => {
    const id = await make('r@x.test', 'editor');
    conn.sqlite.prepare("UPDATE users SET password_hash = 'old' WHERE id = ?").run(id);
    const first = await issuePasswordReset(id, actor, conn.db);
    const second = await issuePasswordReset(id, actor, conn.db);
    if (!first.ok || !second.ok) throw new Error('reset failed');
    const user = (await getUserForSignIn('r@x.test', conn.db))!;
    expect(user.passwordHash).toBeNull();
    expect(user.sessionVersion).toBe(3);
    expect(await getValidOneTimeLink(first.token, conn.db)).toBeNull();
    expect(await getValidOneTimeLink(second.token, conn.db)).not.toBeNull();
  });

  it('do not let a disabled user back in', async () => {
    const invited = await inviteUser({ email: 'd@x.test', name: 'D', role: 'author' }, actor, conn.db);
    if (!invited.ok) throw new Error(invited.reason);
    await setUserDisabled(invited.userId, true, actor, conn.db);
    expect(await setPasswordWithToken(invited.token, 'h', null, conn.db)).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('first run', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('creates an admin with a generated password, printed once, and never again', async () => {
    process.env.GAZETTE_DATA_DIR = dir;
    delete process.env.ADMIN_PASSWORD;
    delete process.env.AUTH_SECRET;
    process.env.ADMIN_EMAIL = 'Boss@X.test';
    const lines: string[] = [];
    await ensureFirstRun(conn, (l) => lines.push(l));
    const printed = lines.join('\n').match(/password: (\S+)/)?.[1];
    expect(printed).toBeDefined();
    const admin = (await getUserForSignIn('boss@x.test', conn.db))!;
    expect(admin.role).toBe('admin');
    expect(await verifyPassword(admin.passwordHash, printed!)).toBe(true);
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);

    const again: string[] = [];
    await ensureFirstRun(conn, (l) => again.push(l));
    expect(again.join('\n')).not.toMatch(/password:/);
    expect((conn.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
  });

  it('uses ADMIN_PASSWORD when given and does not print it', async () => {
    process.env.GAZETTE_DATA_DIR = dir;
    process.env.ADMIN_EMAIL = 'a@x.test';
    process.env.ADMIN_PASSWORD = 'given-password-123';
    const lines: string[] = [];
    await ensureFirstRun(conn, (l) => lines.push(l));
    expect(lines.join('\n')).not.toContain('given-password-123');
    expect(await verifyPassword((await getUserForSignIn('a@x.test', conn.db))!.passwordHash, 'given-password-123')).toBe(true);
  });
});
