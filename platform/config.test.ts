import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServerEnvironment } from './config.mjs';

// scripts/start.mjs applies platform/config.mjs's rules before Next loads: the same lines as the
// server's own check (instrumentation-node.ts) and db:prepare, one per problem, and the same
// key file as platform/auth-secret.ts. Each run below stops at the check, so no build is needed.
const root = path.join(import.meta.dirname, '..');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>, ...args: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-config-'));
  dirs.push(dataDir);
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', GAZETTE_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, lines: run.stderr.trim().split('\n'), dataDir };
}

const expected = (env: Record<string, string>) => {
  const result = parseServerEnvironment({ NODE_ENV: 'production', ...env });
  return result.ok ? [] : result.errors.map((line) => `Configuration error: ${line}`);
};

describe('scripts/start.mjs checks the configuration with platform/config.mjs', () => {
  const secret = 's'.repeat(40);

  it('refuses each bad variable with the line the shared rules give', () => {
    const cases: Record<string, string>[] = [
      { AUTH_SECRET: secret, PORT: 'eighty' },
      { AUTH_SECRET: secret, GAZETTE_PAGE_CACHE_MB: 'lots' },
      { AUTH_SECRET: secret, GAZETTE_RATE_LIMITS: 'maybe' },
      { AUTH_SECRET: secret, GAZETTE_RENDER_POOL: '0/10' },
      { AUTH_SECRET: secret, GAZETTE_RENDER_POOL: 'four' },
      { AUTH_SECRET: secret, GAZETTE_PURGE_URLS: 'varnish:6081, ftp://cdn.example.org' },
      { AUTH_SECRET: secret, REDIS_URL: 'http://127.0.0.1:6379' },
      { AUTH_SECRET: secret, SITE_URL: 'news.example.org', GAZETTE_TIME_ZONE: 'Mars/Olympus' },
      { AUTH_SECRET: 'short' },
    ];
    for (const env of cases) {
      const run = start(env);
      expect(run.status, JSON.stringify(env)).toBe(1);
      expect(run.lines).toEqual(expected(env));
      expect(run.lines.length).toBeGreaterThan(0);
    }
    expect(start({ AUTH_SECRET: secret, PORT: 'eighty' }).lines).toEqual([
      'Configuration error: PORT="eighty" is invalid: expected a whole number between 1 and 65535',
    ]);
  });

  it('reads the render pool as renders at once and renders waiting', () => {
    const good = parseServerEnvironment({ NODE_ENV: 'production', AUTH_SECRET: secret, GAZETTE_RENDER_POOL: '2/8' });
    expect(good.ok && good.env.GAZETTE_RENDER_POOL).toEqual({ active: 2, queue: 8 });
    for (const value of ['0/8', '65/8', '4/2000', '4', '4/-1']) {
      const bad = parseServerEnvironment({ NODE_ENV: 'production', AUTH_SECRET: secret, GAZETTE_RENDER_POOL: value });
      expect(bad.ok ? [] : bad.errors, value).toEqual([
        `GAZETTE_RENDER_POOL=${JSON.stringify(value)} is invalid: expected renders at once/waiting, e.g. 4/64 (1–64 at once, 0–1024 waiting)`,
      ]);
    }
  });

  it('without AUTH_SECRET, refuses to serve in one line that names it', () => {
    const run = start({});
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^Configuration error: AUTH_SECRET is missing/);
    expect(fs.existsSync(path.join(run.dataDir, 'auth-secret'))).toBe(false);
  });

  it('--one-machine keeps its key in the data directory, as the app reads it', () => {
    // A bad cache size stops it right after the key is made.
    const run = start({ GAZETTE_PAGE_CACHE_MB: 'lots' }, '--one-machine');
    expect(run.lines).toEqual(expected({ GAZETTE_PAGE_CACHE_MB: 'lots', AUTH_SECRET: secret }));
    const file = path.join(run.dataDir, 'auth-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(40);
  });
});
