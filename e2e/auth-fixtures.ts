import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';
import { SESSION_TTL_MS } from '../platform/sessions';
import { generateToken, hashToken } from '../platform/tokens';
import { TEST_DB_PATH } from './fixtures';

// Newsroom accounts for the journeys. Users are written straight into the e2e server's database
// (test-data/gazette.db, made by scripts/e2e-server.mjs); a "signed-in" browser gets a session
// cookie minted with the server's own key (test-data/auth-secret) and a session row to match
// (the server refuses a cookie without one), so most journeys skip the form. The sign-in
// journeys use the form itself.
//
// Test users get unique emails and are left in the throwaway test database: deleting them
// would rewrite audit_log rows through its foreign key, and the log is append-only.

export type Role = 'contributor' | 'author' | 'editor' | 'admin';
export const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];

// The first-run admin, from ADMIN_EMAIL/ADMIN_PASSWORD in scripts/e2e-server.mjs.
export const FIRST_ADMIN = { email: 'admin@gazette.test', password: 'e2e-admin-password-1' };

const SESSION_COOKIE = 'authjs.session-token';

export interface TestUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  password: string;
}

let db: Database.Database | null = null;

/** Read-write handle on the e2e database, for arranging and asserting. */
export function testDb(): Database.Database {
  if (!db) {
    db = new Database(TEST_DB_PATH, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
  }
  return db;
}

export async function createTestUser(role: Role, options: { name?: string; disabled?: boolean } = {}): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const email = `${role}-${tag}@gazette.test`;
  const name = options.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`;
  const password = `pw-${tag}-${randomUUID().slice(0, 8)}`;
  const row = testDb()
    .prepare<[string, string, string, string, number], { id: number }>(
      `INSERT INTO users (email, name, password_hash, role, disabled) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(email, name, await hash(password), role, options.disabled ? 1 : 0)!;
  return { id: row.id, email, name, role, password };
}

export interface UserRow {
  role: string;
  disabled: number;
  session_version: number;
  password_hash: string | null;
  name: string;
}

export function getUserRow(id: number): UserRow | undefined {
  return testDb()
    .prepare<[number], UserRow>('SELECT role, disabled, session_version, password_hash, name FROM users WHERE id = ?')
    .get(id);
}

export function countRows(sql: string, ...params: unknown[]): number {
  return (testDb().prepare(sql).get(...params) as { n: number }).n;
}

function authSecret(): string {
  return process.env.AUTH_SECRET?.trim() || fs.readFileSync(path.join(path.dirname(TEST_DB_PATH), 'auth-secret'), 'utf8').trim();
}

/** A session row for `user` in `database`, as a sign-in makes; returns the id the cookie carries. */
export function insertSessionRow(database: Database.Database, userId: number): string {
  const sid = generateToken();
  const now = Date.now();
  database
    .prepare('INSERT INTO user_sessions (id, user_id, created_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, NULL, ?)')
    .run(hashToken(sid), userId, now, now + SESSION_TTL_MS, 'e2e fixture');
  return sid;
}

/** A session cookie for `user`, signed with `secret`, whose session row is in `database`. */
export async function mintSessionCookie(database: Database.Database, user: TestUser, secret: string): Promise<string> {
  const row = database.prepare<[number], { sv: number }>('SELECT session_version AS sv FROM users WHERE id = ?').get(user.id);
  if (!row) throw new Error(`no user ${user.id}`);
  return encode({
    salt: SESSION_COOKIE,
    secret,
    maxAge: 60 * 60,
    token: {
      sub: String(user.id),
      name: user.name,
      email: user.email,
      uid: user.id,
      sv: row.sv,
      role: user.role,
      sid: insertSessionRow(database, user.id),
    },
  });
}

/** Put a valid session for `user` into the browser context, as a successful sign-in would. */
export async function addSession(context: BrowserContext, user: TestUser, baseURL: string): Promise<void> {
  const value = await mintSessionCookie(testDb(), user, authSecret());
  await context.addCookies([{ name: SESSION_COOKIE, value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

/** Sign in through the form, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

type AuthFixtures = {
  /** A new user of `role`, signed in in this test's browser context (no form). */
  signInAs: (role: Role, options?: { name?: string }) => Promise<TestUser>;
};

export const test = base.extend<AuthFixtures>({
  signInAs: async ({ context, baseURL }, provide) => {
    await provide(async (role, options) => {
      const user = await createTestUser(role, options);
      await addSession(context, user, baseURL!);
      return user;
    });
  },
});

export { expect } from '@playwright/test';
