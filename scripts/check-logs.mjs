#!/usr/bin/env node
// After the e2e run: the server's whole log (build and serve, test-data/server.log) must hold no
// password, token or cookie value. The journeys sign in with known passwords, mint session
// cookies and reset links, so those values are what a leak would look like.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'test-data');
const logFile = path.join(dataDir, 'server.log');

if (!fs.existsSync(logFile)) {
  console.error(`check-logs: ${path.relative(root, logFile)} is missing — was the e2e server started by Playwright?`);
  process.exit(1);
}
const log = fs.readFileSync(logFile, 'utf8');
const secret = fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();

const checks = [
  { name: 'the first admin password', pattern: /e2e-admin-password-1/ },
  // e2e/auth-fixtures.ts createTestUser passwords.
  { name: 'a test user password', pattern: /pw-[0-9a-f]{8}-[0-9a-f]{8}/ },
  { name: 'the auth secret', pattern: new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) },
  // Auth.js session cookies are JWEs: {"alg":"dir",...} base64url-encoded.
  { name: 'a session cookie (JWE)', pattern: /eyJhbGciOiJkaXIi[\w-]*\.\./ },
  { name: 'a session cookie header', pattern: /authjs\.session-token=[^;\s"]{20,}/ },
  { name: 'a password field with a value', pattern: /"(password|newPassword|currentPassword)":"(?!\[redacted\])[^"]+"/i },
  { name: 'a one-time link token', pattern: /[?&]token=[A-Za-z0-9_-]{20,}/ },
];

const found = checks.filter((c) => c.pattern.test(log));
const lines = log.split('\n').length;
if (found.length > 0) {
  for (const c of found) {
    const line = log.split('\n').find((l) => c.pattern.test(l)) ?? '';
    console.error(`check-logs: found ${c.name} in the server log: ${line.slice(0, 200)}`);
  }
  process.exit(1);
}
console.log(`check-logs: ${lines} log lines, no password, token or cookie value found.`);
