// Newsroom users from the command line:
//
//   npm run user -- create --email ed@example.com --role editor [--name "Ed Itor"] [--password-stdin]
//   npm run user -- reset --email ed@example.com
//
// `create` prints a one-time link where the person sets their password (valid 72 hours), or,
// with --password-stdin, sets the password read from stdin. `reset` ends the user's sessions,
// voids the old password and prints a new one-time link. Links are relative to the site's
// address; set SITE_URL (e.g. https://news.example.com) to print them in full.
import { parseArgs } from 'node:util';
import { openConnection } from '../db/client';
import { createUser, inviteUser, issuePasswordReset } from '../db/mutations/users';
import { getUserIdByEmail } from '../db/queries/users';
import { ROLES, type Role } from '../lib/domain';
import { getDatabasePath } from '../platform/paths';
import { hashPassword } from '../platform/passwords';
import { oneTimeLinkPath } from '../platform/tokens';
import { emailSchema, nameSchema, newPasswordSchema, roleSchema } from '../lib/validation/auth';

const CLI_ACTOR = { id: null, email: 'cli', ip: null };

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(1);
}

function link(token: string): string {
  const base = (process.env.SITE_URL ?? '').replace(/\/$/, '');
  return `${base}${oneTimeLinkPath(token)}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (command !== 'create' && command !== 'reset') {
    fail(`usage: npm run user -- create --email … --role ${ROLES.join('|')} [--name …] | reset --email …`);
  }
  const email = emailSchema.safeParse(values.email ?? '');
  if (!email.success) fail('give a valid --email');
  const conn = openConnection(getDatabasePath());
  try {
    if (command === 'create') {
      const role = roleSchema.safeParse(values.role);
      if (!role.success) fail(`--role must be one of ${ROLES.join(', ')}`);
      const name = nameSchema.safeParse(values.name ?? email.data.split('@')[0]);
      if (!name.success) fail('--name must not be empty');
      if (values['password-stdin']) {
        const password = newPasswordSchema.safeParse(await readStdin());
        if (!password.success) fail(password.error.issues[0]?.message ?? 'bad password');
        const created = await createUser(
          { email: email.data, name: name.data, role: role.data as Role, passwordHash: await hashPassword(password.data) },
          CLI_ACTOR,
          conn.db,
        );
        if (!created.ok) fail(`${email.data} already exists (use reset)`);
        console.log(`user: created ${role.data} ${email.data} with the password from stdin`);
        return;
      }
      const invited = await inviteUser({ email: email.data, name: name.data, role: role.data }, CLI_ACTOR, conn.db);
      if (!invited.ok) fail(`${email.data} already exists (use reset)`);
      console.log(`user: created ${role.data} ${email.data}. One-time link to set the password (valid 72 hours):`);
      console.log(link(invited.token));
      return;
    }
    const id = await getUserIdByEmail(email.data, conn.db);
    if (id == null) fail(`no user ${email.data}`);
    const reset = await issuePasswordReset(id, CLI_ACTOR, conn.db);
    if (!reset.ok) fail(`could not reset ${email.data}`);
    console.log(`user: ${email.data} is signed out everywhere and the old password no longer works. One-time link (valid 72 hours):`);
    console.log(link(reset.token));
  } finally {
    conn.sqlite.close();
  }
}

main().catch((error: unknown) => {
  console.error('user failed:', error);
  process.exit(1);
});
