import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createTestUser, expect, test } from './auth-fixtures';
import { articleInput } from './fixtures';
import { copyTestData, OWN_BASE, OWN_PORT, sessionCookie, startOwnServer, stopOwnServer, waitUntilUp } from './own-server';

// Operations, at the level of the running server: SIGKILL while the newsroom saves, ten times
// over; and a backup taken under write load that restores into a working site.

test.describe.configure({ mode: 'serial' });

const root = path.join(__dirname, '..');

async function put(cookie: string, id: number, version: number, article: object) {
  return fetch(`${OWN_BASE}/api/admin/articles/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: `authjs.session-token=${cookie}`, Origin: OWN_BASE },
    body: JSON.stringify({ version, article }),
  });
}

test('SIGKILL while articles are being saved, ten times: intact database, nothing half-saved, every acknowledged save kept', async () => {
  test.setTimeout(180_000);
  const user = await createTestUser('editor');
  const dataDir = await copyTestData('gazette-kill-');
  const setup = new Database(path.join(dataDir, 'gazette.db'));
  // Three drafts saved side by side, so that whenever one save is acknowledged the others are
  // inside the server: the kill lands in the middle of writes, not between them.
  const ids = setup.prepare(`SELECT id FROM articles WHERE status = 'draft' AND deleted_at IS NULL ORDER BY id LIMIT 3`).pluck().all() as number[];
  expect(ids, 'the demo seed has drafts').toHaveLength(3);
  const bases = new Map(ids.map((id) => [id, articleInput(setup, id)]));
  const tagPool = setup.prepare('SELECT id FROM tags ORDER BY id LIMIT 6').pluck().all() as number[];
  setup.close();
  const cookie = await sessionCookie(user, dataDir);
  const acknowledged = new Map<number, { version: number; title: string }[]>(ids.map((id) => [id, []]));

  let server: ChildProcess | null = null;
  try {
    for (let round = 1; round <= 10; round++) {
      const current = await startOwnServer(dataDir);
      server = current;
      const exited = once(current, 'exit');
      await waitUntilUp(current);
      const check = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
      const versionOf = check.prepare('SELECT version FROM articles WHERE id = ?').pluck();
      const startVersions = new Map(ids.map((id) => [id, versionOf.get(id) as number]));
      check.close();
      // Killed the moment this round's `killAfter`-th save is acknowledged: a different point in
      // each round, counted in saves, so the machine's speed decides nothing.
      const killAfter = 2 + ((round * 3) % 7);
      let acknowledgedThisRound = 0;
      const writer = async (id: number) => {
        let version = startVersions.get(id)!;
        // Save in a loop until the server dies under us.
        for (let n = 1; ; n++) {
          const title = `Crash round ${round}, article ${id}, save ${n}`;
          const tagIds = [tagPool[n % tagPool.length]!, tagPool[(n + 1) % tagPool.length]!];
          // Acknowledged = the client got the whole answer; a reply cut off by the kill is not.
          let status: number;
          let answer: { version?: number };
          try {
            const response = await put(cookie, id, version, { ...bases.get(id)!, title, tagIds });
            status = response.status;
            answer = (await response.json()) as { version?: number };
          } catch {
            return;
          }
          // A whole answer that is not a save is a failure, not the kill.
          expect(status, `round ${round}, article ${id}, save ${n}`).toBe(200);
          version = answer.version!;
          acknowledged.get(id)!.push({ version, title });
          acknowledgedThisRound += 1;
          if (acknowledgedThisRound === killAfter) current.kill('SIGKILL');
        }
      };
      await Promise.all(ids.map(writer));
      expect(acknowledgedThisRound, `round ${round}`).toBeGreaterThanOrEqual(killAfter);
      await exited;

      const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
      for (const id of ids) {
        const row = db.prepare('SELECT title, version FROM articles WHERE id = ?').get(id) as { title: string; version: number };
        // Not half-saved: the row, its tags and its newest revision tell the same story.
        const latest = JSON.parse(
          db.prepare('SELECT snapshot FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1').pluck().get(id) as string,
        ) as { title: string; tagIds: number[] };
        const tags = db.prepare('SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY position').pluck().all(id);
        expect(latest.title, `article ${id}`).toBe(row.title);
        expect(tags, `article ${id}`).toEqual(latest.tagIds);
        // Every acknowledged save is there.
        const saved = new Map(
          (db.prepare('SELECT version, snapshot FROM revisions WHERE article_id = ?').all(id) as { version: number; snapshot: string }[]).map((r) => [
            r.version,
            JSON.parse(r.snapshot).title as string,
          ]),
        );
        const acks = acknowledged.get(id)!;
        for (const ack of acks) expect(saved.get(ack.version), `article ${id} v${ack.version}`).toBe(ack.title);
        expect(row.version, `article ${id}`).toBeGreaterThanOrEqual(acks.at(-1)?.version ?? 0);
      }
      db.close();
    }
  } finally {
    if (server) await stopOwnServer(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a backup taken while the newsroom writes restores into a working site with every acknowledged article', async () => {
  test.setTimeout(120_000);
  const user = await createTestUser('editor');
  const dataDir = await copyTestData('gazette-live-');
  const backupRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-backups-'));
  const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-restored-'));
  const setup = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  const sectionId = setup.prepare('SELECT id FROM sections ORDER BY position LIMIT 1').pluck().get() as number;
  const bylineId = setup.prepare('SELECT id FROM bylines ORDER BY id LIMIT 1').pluck().get() as number;
  setup.close();
  const cookie = await sessionCookie(user, dataDir);
  let server = await startOwnServer(dataDir);
  const created: { id: number; title: string }[] = [];
  try {
    await waitUntilUp(server);
    let writing = true;
    // The backup starts once this many articles are acknowledged, and the writer keeps going.
    const beforeBackup = 5;
    let enoughWritten!: () => void;
    const written = new Promise<void>((resolve) => (enoughWritten = resolve));
    const writer = (async () => {
      for (let n = 1; writing; n++) {
        const title = `Written during the backup ${n} ${Date.now()}`;
        const response = await fetch(`${OWN_BASE}/api/admin/articles`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `authjs.session-token=${cookie}`, Origin: OWN_BASE },
          body: JSON.stringify({
            article: {
              title,
              slug: `backup-load-${n}-${Date.now()}`,
              sectionId,
              kind: 'news',
              bylineIds: [bylineId],
              body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }] },
            },
          }),
        });
        if (response.status !== 201) throw new Error(`create answered ${response.status}`);
        created.push({ id: ((await response.json()) as { id: number }).id, title });
        if (created.length === beforeBackup) enoughWritten();
      }
    })();
    // A writer that fails before the count is reached ends the wait with its error.
    await Promise.race([written, writer]);
    const acknowledgedBefore = [...created];
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(beforeBackup);
    const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/backup-cli.ts', 'backup'], {
      cwd: root,
      env: { ...process.env, GAZETTE_DATA_DIR: dataDir, GAZETTE_BACKUP_DIR: backupRoot },
      encoding: 'utf8',
    });
    writing = false;
    await writer;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('integrity ok');
    await stopOwnServer(server);

    const [folder] = fs.readdirSync(backupRoot);
    const restore = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/backup-cli.ts', 'restore', path.join(backupRoot, folder!)], {
      cwd: root,
      env: { ...process.env, GAZETTE_DATA_DIR: restoredDir },
      encoding: 'utf8',
    });
    expect(restore.status, restore.stderr).toBe(0);
    fs.copyFileSync(path.join(dataDir, 'auth-secret'), path.join(restoredDir, 'auth-secret'));

    server = await startOwnServer(restoredDir);
    await waitUntilUp(server);
    expect((await fetch(`${OWN_BASE}/`)).status).toBe(200);
    for (const article of acknowledgedBefore) {
      const response = await fetch(`${OWN_BASE}/api/admin/articles/${article.id}`, { headers: { Cookie: `authjs.session-token=${cookie}` } });
      expect(response.status, `article ${article.id}`).toBe(200);
      expect(((await response.json()) as { article: { title: string } }).article.title).toBe(article.title);
    }
  } finally {
    await stopOwnServer(server, 'SIGKILL');
    for (const dir of [dataDir, backupRoot, restoredDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad PORT or a missing AUTH_SECRET stops the production server with one clear line', async () => {
  const base = { ...process.env, GAZETTE_DATA_DIR: path.join(root, 'test-data'), NODE_ENV: 'production' } as NodeJS.ProcessEnv;
  delete base.AUTH_SECRET;
  const secret = fs.readFileSync(path.join(root, 'test-data', 'auth-secret'), 'utf8').trim();
  const serve = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });

  const badPort = serve({ ...base, AUTH_SECRET: secret, PORT: 'eighty' });
  expect(badPort.status).toBe(1);
  expect(badPort.stderr.trim().split('\n')).toEqual([
    'Configuration error: PORT="eighty" is invalid: expected a whole number between 1 and 65535',
  ]);

  const noSecret = serve({ ...base, PORT: String(OWN_PORT) });
  expect(noSecret.status).toBe(1);
  expect(noSecret.stderr.trim().split('\n')).toHaveLength(1);
  expect(noSecret.stderr).toMatch(/^Configuration error: AUTH_SECRET is missing/);

  // Started without the wrapper, the server checks for itself before it serves anything.
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const direct = spawnSync(process.execPath, [next, 'start', '-p', String(OWN_PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: base,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(direct.status).toBe(1);
  expect(direct.stderr).toContain('Configuration error: AUTH_SECRET is missing');
});
