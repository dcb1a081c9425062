import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The mutation uses the app's shared connection, which opens $GAZETTE_DATA_DIR/gazette.db.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-redirects-'));
const saved = process.env.GAZETTE_DATA_DIR;
let mutations: typeof import('./redirects');
let client: typeof import('../client');

beforeAll(async () => {
  process.env.GAZETTE_DATA_DIR = dir;
  client = await import('../client');
  mutations = await import('./redirects');
});

afterAll(() => {
  client.getConnection().sqlite.close();
  (globalThis as { gazetteDb?: unknown }).gazetteDb = undefined;
  if (saved === undefined) delete process.env.GAZETTE_DATA_DIR;
  else process.env.GAZETTE_DATA_DIR = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = () =>
  client.getConnection().sqlite.prepare('SELECT from_path, to_path, source FROM redirects ORDER BY id').all();

describe('createRedirect', () => {
  it('stores a normalized redirect and names the tag to invalidate', async () => {
    const result = await mutations.createRedirect({ from: '/News/Old-Story/', to: '/news/new-story' });
    expect(result).toMatchObject({ ok: true, from: '/news/old-story', to: '/news/new-story', invalidates: ['redirects'] });
    expect(rows()).toEqual([{ from_path: '/news/old-story', to_path: '/news/new-story', source: 'manual' }]);
  });

  it('refuses loops and chains and writes nothing', async () => {
    expect(await mutations.createRedirect({ from: '/news/new-story', to: '/news/old-story' })).toEqual({
      ok: false,
      problem: 'loop',
    });
    expect(await mutations.createRedirect({ from: '/news/other', to: '/news/old-story' })).toEqual({
      ok: false,
      problem: 'chain',
    });
    expect(rows()).toHaveLength(1);
  });

  it('deletes by id', async () => {
    const created = await mutations.createRedirect({ from: '/a', to: '/b', source: 'auto' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await mutations.deleteRedirect(created.id)).ok).toBe(true);
    expect((await mutations.deleteRedirect(created.id)).ok).toBe(false);
    expect(rows()).toHaveLength(1);
  });
});
