#!/usr/bin/env node
// Starts the production server (`next start`).
//
//   npm start   (--one-machine)  the quick start: when AUTH_SECRET is not set, uses the key kept in
//               $GAZETTE_DATA_DIR/auth-secret (made by `npm run db:prepare`, or here), so the site
//               runs with nothing configured. Fine for a single machine.
//   npm run serve                the production way: AUTH_SECRET must be set (several instances
//               share it); without it the server refuses to start with one line saying so.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (process.argv.includes('--one-machine') && !env.AUTH_SECRET?.trim()) {
  const dataDir = path.resolve(root, env.GAZETTE_DATA_DIR || 'data');
  const file = path.join(dataDir, 'auth-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

// Refused before Next starts: one line naming the variable (the server checks the rest of its
// configuration itself, in instrumentation.ts).
const problems = [];
if (env.PORT !== undefined && env.PORT.trim() !== '' && !(/^\d+$/.test(env.PORT.trim()) && Number(env.PORT) >= 1 && Number(env.PORT) <= 65535)) {
  problems.push(`PORT=${JSON.stringify(env.PORT)} is invalid: expected a whole number between 1 and 65535`);
}
if (!env.AUTH_SECRET?.trim()) {
  problems.push(
    'AUTH_SECRET is missing: a production server needs at least 32 characters of random text (e.g. `openssl rand -base64 32`); `npm start` generates one for a single machine',
  );
}
if (problems.length > 0) {
  for (const line of problems) console.error(`Configuration error: ${line}`);
  process.exit(1);
}

const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const args = [next, 'start', ...process.argv.slice(2).filter((a) => a !== '--one-machine')];
const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
