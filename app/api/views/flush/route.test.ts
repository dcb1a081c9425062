import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// The test hook that writes buffered views at once exists only on a server started with
// GAZETTE_TEST_HOOKS=1 (scripts/e2e-server.mjs): anywhere else it is a 404, whoever asks.

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-flush-'));
process.env.GAZETTE_DATA_DIR = dir;
delete process.env.TRUSTED_PROXY;
const savedHooks = process.env.GAZETTE_TEST_HOOKS;

const { getConnection } = await import('@/db/client');
const { POST } = await import('./route');
const { sqlite } = getConnection();

afterEach(() => {
  if (savedHooks === undefined) delete process.env.GAZETTE_TEST_HOOKS;
  else process.env.GAZETTE_TEST_HOOKS = savedHooks;
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sameSite = { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' };
const flush = (headers: Record<string, string>) =>
  POST(new NextRequest('http://127.0.0.1:3000/api/views/flush', { method: 'POST', headers }));

describe('POST /api/views/flush', () => {
  it('is not found without GAZETTE_TEST_HOOKS=1, even from the site itself', async () => {
    for (const value of [undefined, '', '0', 'true', 'yes']) {
      if (value === undefined) delete process.env.GAZETTE_TEST_HOOKS;
      else process.env.GAZETTE_TEST_HOOKS = value;
      const response = await flush(sameSite);
      expect(response.status, String(value)).toBe(404);
      expect(await response.text()).toBe('');
    }
  });

  it('with the hooks on, refuses another site and flushes for its own', async () => {
    process.env.GAZETTE_TEST_HOOKS = '1';
    expect((await flush({ origin: 'https://evil.example', host: '127.0.0.1:3000' })).status).toBe(403);
    const response = await flush(sameSite);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ written: 0 });
  });
});
