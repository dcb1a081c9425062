import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISLANDS } from './islands';

describe('ISLANDS', () => {
  it('names exactly the islands the build makes (one file each in islands/)', () => {
    const files = fs
      .readdirSync(path.join(import.meta.dirname, '..', '..', 'islands'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect([...ISLANDS].sort()).toEqual(files.sort());
  });
});
