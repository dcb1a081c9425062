// Several server processes starting at once on one empty data folder (cluster mode): each runs
// the start-up database step (db/prepare.ts) in its own process, released together from a
// starting line (db/testing/first-start.ts) so their migrations and seeds overlap. Every start
// must succeed and leave the database exactly as one start alone would: each migration recorded
// once, every table, index and trigger there, the demo content and the first admin once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = 10;
const STARTS = 4;
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-starts-'));
const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as {
  entries: { when: number; tag: string }[];
};

interface Start {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function start(dataDir: string): Start {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/testing/first-start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      GAZETTE_DATA_DIR: dataDir,
      GAZETTE_SEED_ARTICLES: '12',
      ADMIN_PASSWORD: 'concurrent-start-password',
      // Unset, so the starts also race to make the session key file (platform/config.mjs).
      AUTH_SECRET: '',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (stdout.includes('ready\n')) resolve();
    });
    void exit.then(({ code }) => reject(new Error(`a start ended (${code}) before it was ready: ${stderr}`)));
  });
  return { child, ready, exit };
}

// Starts `count` processes, waits until each has loaded, then releases them all at once.
async function startTogether(dataDir: string, count: number): Promise<{ code: number | null; stderr: string }[]> {
  const starts = Array.from({ length: count }, () => start(dataDir));
  await Promise.all(starts.map((s) => s.ready));
  for (const s of starts) s.child.stdin.end('go\n');
  return Promise.all(starts.map((s) => s.exit));
}

// The seed's pictures are a cache keyed by their content (db/seed.ts): drawn once for the whole
// test, so each round spends its time on the database, not on drawing.
function freshDataDir(name: string, images?: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(path.join(dir, 'media'), { recursive: true });
  if (images) fs.cpSync(images, path.join(dir, 'media', 'seed'), { recursive: true });
  return dir;
}

const COUNTED = ['users', 'sections', 'articles', 'bylines', 'tags', 'media', 'revisions', 'curation', 'settings'];

function describeDatabase(dataDir: string) {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      migrations: db.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at').all() as {
        hash: string;
        createdAt: number;
      }[],
      schema: db.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all(),
      counts: Object.fromEntries(COUNTED.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()])),
      admins: db.prepare(`SELECT email FROM users WHERE role = 'admin'`).pluck().all(),
    };
  } finally {
    db.close();
  }
}

let single: ReturnType<typeof describeDatabase>;
let images: string;

beforeAll(async () => {
  const dir = freshDataDir('single');
  const [alone] = await startTogether(dir, 1);
  expect(alone?.code, alone?.stderr).toBe(0);
  single = describeDatabase(dir);
  images = path.join(dir, 'media', 'seed');
}, 60_000);

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe(`${STARTS} servers starting at once on an empty data folder`, () => {
  it('a single start records every migration of the journal once, and seeds', () => {
    expect(single.migrations.map((m) => Number(m.createdAt))).toEqual(journal.entries.map((e) => e.when));
    expect(new Set(single.migrations.map((m) => m.hash)).size).toBe(journal.entries.length);
    expect(single.counts).toMatchObject({ users: 1, sections: expect.any(Number), articles: 12 });
    expect(single.counts.sections).toBeGreaterThan(0);
  });

  // Forty tsx processes: about a minute on a quiet machine, several on a busy one.
  it(`all succeed and leave what one start leaves, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = freshDataDir(`round-${round}`, images);
      const exits = await startTogether(dir, STARTS);
      exits.forEach(({ code, stderr }, i) => expect(code, `round ${round}, start ${i}: ${stderr}`).toBe(0));
      expect(describeDatabase(dir), `round ${round}`).toEqual(single);
      expect(fs.readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim().length, `round ${round}`).toBeGreaterThanOrEqual(40);
      expect(fs.readdirSync(dir).filter((name) => name.startsWith('auth-secret')), `round ${round}`).toEqual(['auth-secret']);
    }
  }, 600_000);
});
