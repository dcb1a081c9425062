// First run, called by db/prepare.ts before the server starts (docs/security.md, "First run and
// the command line"):
//  - the key that signs sessions: AUTH_SECRET, or one generated into the data directory;
//  - when no user exists, an admin: ADMIN_EMAIL (default admin@localhost) with ADMIN_PASSWORD,
//    or with a generated password printed once, here, to stdout.
import { getAuthSecret, getAuthSecretPath } from '../platform/auth-secret';
import { hashPassword } from '../platform/passwords';
import { generatePassword } from '../platform/tokens';
import type { Connection } from './client';
import { createFirstAdmin } from './mutations/users';
import { countUsers } from './queries/users';

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

export async function ensureFirstRun(conn: Connection, log: (line: string) => void = console.log): Promise<void> {
  const secretFromEnv = !!process.env.AUTH_SECRET?.trim();
  getAuthSecret();
  if (!secretFromEnv) log(`db:prepare: sessions are signed with the key in ${getAuthSecretPath()} (set AUTH_SECRET to use your own)`);

  if ((await countUsers(conn.db)) > 0) return;
  const email = (process.env.ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL).toLowerCase();
  const given = process.env.ADMIN_PASSWORD;
  const password = given && given.length > 0 ? given : generatePassword();
  const created = await createFirstAdmin(
    { email, name: 'Administrator', passwordHash: await hashPassword(password) },
    { id: null, email: null, ip: null },
    conn.db,
  );
  // Another process created the first user meanwhile: it printed its own password.
  if (!created.ok) return;
  if (given) {
    log(`db:prepare: created the first admin, ${email}, with the password from ADMIN_PASSWORD`);
    return;
  }
  const bar = '='.repeat(72);
  log(
    [
      bar,
      'Gazette: no user existed, so a first admin was created. Sign in at /login with',
      `  email:    ${email}`,
      `  password: ${password}`,
      'This password is shown only this once. Change it under "Your account" after signing in,',
      'or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start next time.',
      bar,
    ].join('\n'),
  );
}
