import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { getDataDir } from './paths';

// The key that signs session tokens: AUTH_SECRET when set (several instances must share one),
// otherwise a random key generated once into the data directory (mode 0600), so the embedded
// default works with nothing configured and survives restarts. Never a constant in the code.
export function getAuthSecret(dataDir = getDataDir()): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(/*turbopackIgnore: true*/ dataDir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': when two processes start at once, exactly one writes; the other reads its key.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
