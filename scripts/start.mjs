#!/usr/bin/env node
// Starts the production server: Next, in this process, behind the page cache
// (lib/page-cache.mjs, docs/decisions/008-page-cache-in-front-of-next.md).
//
//   npm start   (--one-machine)  the quick start: when AUTH_SECRET is not set, uses the key kept in
//               $GAZETTE_DATA_DIR/auth-secret (made by `npm run db:prepare`, or here), so the site
//               runs with nothing configured. Fine for a single machine.
//   npm run serve                the production way: AUTH_SECRET must be set (several instances
//               share it); without it the server refuses to start with one line saying so.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
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
const cacheMb = env.GAZETTE_PAGE_CACHE_MB?.trim();
const rateLimits = env.GAZETTE_RATE_LIMITS?.trim() || 'on';
if (rateLimits !== 'on' && rateLimits !== 'off') {
  problems.push(`GAZETTE_RATE_LIMITS=${JSON.stringify(env.GAZETTE_RATE_LIMITS)} is invalid: expected on or off`);
}
if (cacheMb && !(/^\d+$/.test(cacheMb) && Number(cacheMb) <= 4096)) {
  problems.push(`GAZETTE_PAGE_CACHE_MB=${JSON.stringify(env.GAZETTE_PAGE_CACHE_MB)} is invalid: expected whole megabytes between 0 (off) and 4096`);
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

// The server runs in this process: Next's request handler behind the page cache
// (lib/page-cache.mjs, docs/decisions/008-page-cache-in-front-of-next.md).
Object.assign(process.env, env);
process.env.NODE_ENV = 'production';
const port = Number(option('-p', '--port') ?? (env.PORT?.trim() || 3000));
const hostname = option('-H', '--hostname') ?? env.HOSTNAME ?? undefined;
process.env.PORT = String(port);

const { default: next } = await import('next');
const { createPageCache, withPageCache, PAGE_CACHE_KEY } = await import('../lib/page-cache.mjs');
const { decideClientAddress, withRequestGuard, trustedProxyHops } = await import('../lib/request-guard.mjs');
const { DEFAULT_BUDGETS, PUBLIC_PATHS_KEY, createBudgets, createPool, withBudgets, withNotFoundReplay, withPools } = await import('../lib/admission.mjs');

const server = http.createServer();
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
const megabytes = cacheMb ? Number(cacheMb) : 64;
// The layers every request passes, outermost first (docs/decisions/009-readers-first.md):
//   guard        odd addresses and cross-site actions refused; forwarding headers made true
//   budgets      per client address, for search, sign-in and the beacon (cached answers too)
//   page cache   cached pages from memory; identical misses rendered once
//   budgets      per client address, for pages and images the cache could not answer
//   not found    a made-up address gets the 404 rendered once, replayed
//   pools        at most a few renders in Next at once, a short queue, then 503
const guard = { trustedProxyHops: trustedProxyHops(env.TRUSTED_PROXY) };
const clientAddress = (req) => decideClientAddress(req.headers['x-forwarded-for'], guard.trustedProxyHops) ?? '';
const budgets = createBudgets(rateLimits === 'on' ? DEFAULT_BUDGETS : {});
const pools = {
  readers: createPool({ maxActive: 4, maxQueue: 64, maxWaitMs: 3000 }),
  newsroom: createPool({ maxActive: 8, maxQueue: 256, maxWaitMs: 10_000 }),
};
const notFound = withNotFoundReplay(withPools(handle, pools), { isMissing: () => globalThis[PUBLIC_PATHS_KEY]?.isMissing });
const misses = withBudgets(notFound, { budgets, kinds: ['page', 'image'], clientAddress });
let cached = misses;
if (megabytes > 0) {
  const cache = createPageCache({ maxBytes: megabytes * 1024 * 1024 });
  // Search results for a minute, in an eighth of the budget (at least 4 MiB), emptied with the rest.
  const searchCache = createPageCache({ maxBytes: Math.max(4, megabytes / 8) * 1024 * 1024, ownMaxAgeSeconds: 60 });
  globalThis[PAGE_CACHE_KEY] = {
    invalidate() {
      cache.invalidate();
      searchCache.invalidate();
      notFound.forget();
      globalThis[PUBLIC_PATHS_KEY]?.forget?.();
    },
  };
  cached = withPageCache(cache, misses, { searchCache });
} else {
  globalThis[PAGE_CACHE_KEY] = {
    invalidate() {
      notFound.forget();
      globalThis[PUBLIC_PATHS_KEY]?.forget?.();
    },
  };
}
server.on('request', withRequestGuard(withBudgets(cached, { budgets, kinds: ['search', 'login', 'beacon'], clientAddress }), guard));
// Next's own server waits five seconds for an idle keep-alive connection; so does this one.
server.keepAliveTimeout = 5000;
server.on('error', (error) => {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
  console.error(`Cannot listen on port ${port}: ${error.code === 'EADDRINUSE' ? 'another program is using it' : 'permission denied'}. Set PORT to another port.`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`Gazette is listening on http://${hostname ?? 'localhost'}:${port}`);
});

// SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, then exit (the exit
// hooks in lib/shutdown.ts flush page views and close the database). Ten seconds at most.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

function option(short, long) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === short || args[i] === long) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}
