import path from 'node:path';

// Every file Gazette writes lives under one data directory, so an operator can
// back it up, move it or point a test run at a fresh one. Chosen at run time,
// so the bundler must not trace it (turbopackIgnore).
export function getDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.GAZETTE_DATA_DIR || 'data');
}

export function getDatabasePath(): string {
  return path.join(/*turbopackIgnore: true*/ getDataDir(), 'gazette.db');
}

export function getMediaDir(): string {
  return path.join(/*turbopackIgnore: true*/ getDataDir(), 'media');
}
