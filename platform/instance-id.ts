import crypto from 'node:crypto';
import os from 'node:os';

// Who this server process is among the instances sharing one data folder: host, process id and a
// random part (a restarted process may get a recycled pid). Made once per process and shared
// through globalThis, as Next bundles route handlers and instrumentation separately.
const globalForInstance = globalThis as unknown as { gazetteInstanceId?: string };

export function getInstanceId(): string {
  globalForInstance.gazetteInstanceId ??= `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  return globalForInstance.gazetteInstanceId;
}
