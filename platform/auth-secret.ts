import { authSecretPath, readAuthSecret } from './config.mjs';
import { getDataDir } from './paths';

// The key that signs session tokens: AUTH_SECRET, or the key generated once into the data
// directory (platform/config.mjs, the one place that makes that file).
export function getAuthSecret(dataDir = getDataDir()): string {
  return readAuthSecret(process.env, dataDir);
}

export function getAuthSecretPath(dataDir = getDataDir()): string {
  return authSecretPath(dataDir);
}
