import fs from 'node:fs';

// Is the database file still there and usable by this process? An open SQLite connection keeps
// working on a file that was chmod-ed or moved away, until the next checkpoint or restart fails —
// readiness must say so first. Root may open any file whatever its mode, so for root the owner's
// permission bits stand for the operator's intent.
export function checkDatabaseFile(
  file: string,
  deps: { stat?: (f: string) => fs.Stats; access?: (f: string, mode: number) => void; uid?: number | null } = {},
): { ok: boolean; error?: string } {
  const stat = deps.stat ?? fs.statSync;
  const access = deps.access ?? fs.accessSync;
  const uid = deps.uid === undefined ? (process.getuid?.() ?? null) : deps.uid;
  let info: fs.Stats;
  try {
    info = stat(file);
  } catch {
    return { ok: false, error: 'database file is missing' };
  }
  if (!info.isFile()) return { ok: false, error: 'database path is not a file' };
  if (uid === 0) {
    if ((info.mode & 0o600) !== 0o600) return { ok: false, error: 'database file is not readable and writable' };
    return { ok: true };
  }
  try {
    access(file, fs.constants.R_OK | fs.constants.W_OK);
    return { ok: true };
  } catch {
    return { ok: false, error: 'database file is not readable and writable' };
  }
}
