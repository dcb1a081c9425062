// Run before `next build`, `next dev` and `next start` (npm run db:prepare): opens the
// database, which applies pending migrations, and fills an empty one with the demo content.
// Safe to run any number of times, and from several processes at once: a database with content
// is never touched again, and the decisions to migrate and to seed are taken under SQLite's
// write lock (db/migrate.ts, seedIfEmpty in db/seed.ts).
//
//   GAZETTE_SEED=off            migrate only, never seed (an empty production database)
//   GAZETTE_SEED_ARTICLES=N     how many demo articles to create (default 300)

import { parseEnvironment } from '../platform/env';
import { getDatabasePath } from '../platform/paths';
import { openConnection, START_BUSY_TIMEOUT_MS } from './client';
import { ensureFirstRun } from './first-run';
import { isDatabaseEmpty, seedIfEmpty } from './seed';

export async function prepareDatabase(file = getDatabasePath(), log: (line: string) => void = console.log): Promise<void> {
  const started = performance.now();
  // Another process starting at once may hold the write lock for a whole seed.
  const conn = openConnection(file, { busyTimeoutMs: START_BUSY_TIMEOUT_MS });
  try {
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    // The auth secret and, in a database without users, the first admin (db/first-run.ts).
    await ensureFirstRun(conn, log);
    if (!(await isDatabaseEmpty(conn))) {
      const row = conn.sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
      log(`db:prepare: ${file} is migrated and has content (${row.n} articles); nothing to seed (${seconds()}s)`);
      return;
    }
    if (['off', 'false', '0', 'no'].includes((process.env.GAZETTE_SEED ?? '').toLowerCase())) {
      log(`db:prepare: ${file} is migrated and empty; seeding is off (GAZETTE_SEED=${process.env.GAZETTE_SEED})`);
      return;
    }
    const requested = Number(process.env.GAZETTE_SEED_ARTICLES ?? 300);
    const articles = Number.isInteger(requested) && requested > 0 ? requested : 300;
    const summary = await seedIfEmpty(conn, { articles });
    if (!summary) {
      log(`db:prepare: ${file} was seeded by another process meanwhile; nothing to do (${seconds()}s)`);
      return;
    }
    log(
      `db:prepare: ${file} was empty; migrated and seeded demo content ` +
        `(${summary.articles} articles, ${summary.feedItems} feed items, ${summary.media} images) in ${seconds()}s`,
    );
  } finally {
    conn.sqlite.close();
  }
}

async function main(): Promise<void> {
  const config = parseEnvironment(process.env);
  if (!config.ok) {
    for (const line of config.errors) console.error(`Configuration error: ${line}`);
    process.exit(1);
  }
  await prepareDatabase();
}

if (/(^|[\\/])prepare\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error('db:prepare failed:', error);
    process.exit(1);
  });
}
