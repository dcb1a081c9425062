import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The newsroom's redirect search takes what the editor typed literally: "%", "_" and "\" are
// characters of a path here, not LIKE wildcards.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-redirect-list-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { listRedirects } = await import('./redirect-list');
const { sqlite } = getConnection();

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO redirects (from_path, to_path, source) VALUES
      ('/sale-50%-off', '/city', 'manual'),
      ('/sale-500-off', '/city', 'manual'),
      ('/a_b', '/city', 'manual'),
      ('/axb', '/city', 'manual'),
      ('/old\\page', '/city', 'manual'),
      ('/oldxpage', '/city', 'manual'),
      ('/moved', '/sports/a_b-story', 'auto');
  `);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fromPaths(q: string): Promise<string[]> {
  const { rows, total } = await listRedirects({ q, page: 1 });
  expect(total).toBe(rows.length);
  return rows.map((row) => row.from).sort();
}

describe('listRedirects', () => {
  it('finds "50%" only where the path has a percent sign', async () => {
    expect(await fromPaths('50%')).toEqual(['/sale-50%-off']);
  });

  it('finds "a_b" only where the path has an underscore, in either address', async () => {
    expect(await fromPaths('a_b')).toEqual(['/a_b', '/moved']);
  });

  it('takes a backslash as a backslash', async () => {
    expect(await fromPaths('d\\p')).toEqual(['/old\\page']);
  });

  it('still matches any part of a path, whatever its case', async () => {
    expect(await fromPaths('SALE')).toEqual(['/sale-50%-off', '/sale-500-off']);
    expect((await listRedirects({ page: 1 })).total).toBe(7);
  });
});
