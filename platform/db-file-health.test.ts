import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from './db-file-health';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-health-'));
const file = path.join(dir, 'gazette.db');
fs.writeFileSync(file, 'x');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkDatabaseFile', () => {
  it('is ok for a readable, writable file', () => {
    fs.chmodSync(file, 0o644);
    expect(checkDatabaseFile(file)).toEqual({ ok: true });
  });

  it('fails when the file is made unreadable, also for root (mode bits) and for others (access)', () => {
    fs.chmodSync(file, 0o000);
    expect(checkDatabaseFile(file, { uid: 0 })).toMatchObject({ ok: false, error: 'database file is not readable and writable' });
    expect(
      checkDatabaseFile(file, {
        uid: 1000,
        access: () => {
          throw new Error('EACCES');
        },
      }),
    ).toMatchObject({ ok: false });
    fs.chmodSync(file, 0o644);
  });

  it('fails when the file is gone', () => {
    expect(checkDatabaseFile(path.join(dir, 'moved-away.db'))).toEqual({ ok: false, error: 'database file is missing' });
  });
});
