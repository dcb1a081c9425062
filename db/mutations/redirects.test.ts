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

const desk = { id: null, email: 'desk@example.org', ip: '192.0.2.1' };
const audits = () =>
  client.getConnection().sqlite.prepare('SELECT action, target_id, details FROM audit_log ORDER BY id').all();

describe('createRedirect', () => {
  it('stores a normalized redirect, audits it and names the tag to invalidate', async () => {
    const result = await mutations.createRedirect({ from: '/News/Old-Story/', to: '/news/new-story' }, desk);
    expect(result).toMatchObject({ ok: true, from: '/news/old-story', to: '/news/new-story', invalidates: ['redirects'] });
    expect(rows()).toEqual([{ from_path: '/news/old-story', to_path: '/news/new-story', source: 'manual' }]);
    expect(audits()).toEqual([
      { action: 'redirect.created', target_id: String(result.ok && result.id), details: JSON.stringify({ from: '/news/old-story', to: '/news/new-story' }) },
    ]);
  });

  it('refuses loops and chains and writes nothing', async () => {
    expect(await mutations.createRedirect({ from: '/news/new-story', to: '/news/old-story' }, desk)).toEqual({
      ok: false,
      reason: 'loop',
    });
    expect(await mutations.createRedirect({ from: '/news/other', to: '/news/old-story' }, desk)).toEqual({
      ok: false,
      reason: 'chain',
    });
    expect(rows()).toHaveLength(1);
    expect(audits()).toHaveLength(1);
  });

  it('deletes by id, once, and audits the deletion', async () => {
    const created = await mutations.createRedirect({ from: '/a', to: '/b' }, desk);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await mutations.deleteRedirect(created.id, desk)).toEqual({ ok: true, invalidates: ['redirects'] });
    expect(await mutations.deleteRedirect(created.id, desk)).toEqual({ ok: false, reason: 'not_found' });
    expect(rows()).toHaveLength(1);
    expect(audits().at(-1)).toEqual({ action: 'redirect.deleted', target_id: String(created.id), details: JSON.stringify({ from: '/a', to: '/b' }) });
  });
});
