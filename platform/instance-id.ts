import crypto from 'node:crypto';
import os from 'node:os';

// Who this server process is among the instances sharing one data folder: a random name, made
// once per process (a restarted process is a new instance) and shared through globalThis, as Next
// bundles route handlers and instrumentation separately. It is shown by the public /api/health,
// so it says nothing about the machine; the log line the scheduler writes as it starts pairs it
// with the host and process id for the operator (instanceDetails).
const globalForInstance = globalThis as unknown as { gazetteInstanceId?: string };

export function getInstanceId(): string {
  globalForInstance.gazetteInstanceId ??= crypto.randomBytes(6).toString('hex');
  return globalForInstance.gazetteInstanceId;
}

/** For the operator's log only: which machine and process an instance id is. */
export function instanceDetails(): { instance: string; host: string; pid: number } {
  return { instance: getInstanceId(), host: os.hostname(), pid: process.pid };
}
