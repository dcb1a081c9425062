import fs from 'node:fs';
import path from 'node:path';
import { getDatabasePath, getMediaDir } from '../platform/paths';
import { openConnection, openReadOnly } from './client';

export interface BackupResult {
  dir: string;
  databaseBytes: number;
  mediaFiles: number;
  integrity: string;
  removed: string[];
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d+)?Z?$/;

function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let files = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    // Derived files (resized variants, crops) are rebuilt on demand.
    if (entry.name === '.cache') continue;
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) files += copyTree(src, dest);
    else if (entry.isFile()) {
      fs.copyFileSync(src, dest);
      files += 1;
    }
  }
  return files;
}

export function checkIntegrity(file: string): string {
  const db = openReadOnly(file);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

// A consistent online snapshot: SQLite's backup API copies the database page by
// page while the site keeps reading and writing (it restarts the copy when
// another connection writes, so the result is one point in time). Media files
// are immutable once stored, so a plain copy after the database is enough:
// every file the snapshot references already exists.
export async function backup(options: {
  databaseFile?: string;
  mediaDir?: string;
  backupRoot: string;
  keep: number;
  now?: Date;
  onProgress?: () => void;
}): Promise<BackupResult> {
  const databaseFile = options.databaseFile ?? getDatabasePath();
  const mediaDir = options.mediaDir ?? getMediaDir();
  if (!fs.existsSync(databaseFile)) throw new Error(`No database at ${databaseFile}`);
  fs.mkdirSync(options.backupRoot, { recursive: true });
  let dir = path.join(options.backupRoot, timestamp(options.now ?? new Date()));
  for (let n = 2; fs.existsSync(dir); n++) dir = `${dir.replace(/-\d+$/, '')}-${n}`;
  const partial = `${dir}.partial`;
  fs.mkdirSync(partial, { recursive: true });

  const { sqlite } = openConnection(databaseFile);
  try {
    await sqlite.backup(path.join(partial, 'gazette.db'), {
      progress: () => {
        options.onProgress?.();
        return 256;
      },
    });
  } finally {
    sqlite.close();
  }
  const integrity = checkIntegrity(path.join(partial, 'gazette.db'));
  if (integrity !== 'ok') {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new Error(`The snapshot failed its integrity check: ${integrity}`);
  }
  const mediaFiles = copyTree(mediaDir, path.join(partial, 'media'));
  fs.renameSync(partial, dir);

  // Keep the newest `keep` complete backups; never touch anything else in the folder.
  const all = fs
    .readdirSync(options.backupRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && STAMP.test(e.name))
    .map((e) => e.name)
    .sort();
  const removed = all.slice(0, Math.max(0, all.length - Math.max(1, options.keep)));
  for (const name of removed) fs.rmSync(path.join(options.backupRoot, name), { recursive: true, force: true });

  return {
    dir,
    databaseBytes: fs.statSync(path.join(dir, 'gazette.db')).size,
    mediaFiles,
    integrity,
    removed,
  };
}

// Restores a backup folder into an empty data directory. Refuses to overwrite
// an existing database, so a mistyped path can never destroy a live site.
export function restore(options: { backupDir: string; dataDir: string }): { mediaFiles: number } {
  const source = path.join(options.backupDir, 'gazette.db');
  if (!fs.existsSync(source)) throw new Error(`${options.backupDir} has no gazette.db: is it a backup folder?`);
  const integrity = checkIntegrity(source);
  if (integrity !== 'ok') throw new Error(`The backup failed its integrity check: ${integrity}`);
  const target = path.join(options.dataDir, 'gazette.db');
  if (fs.existsSync(target)) {
    throw new Error(`${options.dataDir} already has a database. Restore into an empty data directory.`);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.copyFileSync(source, target);
  const mediaFiles = copyTree(path.join(options.backupDir, 'media'), path.join(options.dataDir, 'media'));
  return { mediaFiles };
}
