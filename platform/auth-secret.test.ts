import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getAuthSecret } from './auth-secret';

const dirs: string[] = [];
const saved = process.env.AUTH_SECRET;
afterEach(() => {
  process.env.AUTH_SECRET = saved;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-secret-'));
  dirs.push(d);
  return d;
}

describe('getAuthSecret', () => {
  it('prefers AUTH_SECRET and writes nothing', () => {
    const dir = tmp();
    process.env.AUTH_SECRET = 'from-the-environment';
    expect(getAuthSecret(dir)).toBe('from-the-environment');
    expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false);
  });

  it('otherwise generates one key into the data directory, readable by the owner only, and keeps it', () => {
    const dir = tmp();
    delete process.env.AUTH_SECRET;
    const first = getAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['auth-secret']);
    expect(getAuthSecret(dir)).toBe(first);
    expect(getAuthSecret(tmp())).not.toBe(first);
  });
});
