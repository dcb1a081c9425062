#!/usr/bin/env node
// Starts the production server: Next, in this process, behind the page cache
// (gateway/page-cache.mjs, docs/decisions/008-page-cache-in-front-of-next.md).
//
//   npm start   (--one-machine)  the quick start: when AUTH_SECRET is not set, uses the key kept in
//               $GAZETTE_DATA_DIR/auth-secret (made by `npm run db:prepare`, or here), so the site
//               runs with nothing configured. Fine for a single machine.
//   npm run serve                the production way: AUTH_SECRET must be set (several instances
//               share it); without it the server refuses to start with one line saying so.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServerEnvironment, readAuthSecret } from '../platform/config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (process.argv.includes('--one-machine')) {
  env.AUTH_SECRET = readAuthSecret(env, path.resolve(root, env.GAZETTE_DATA_DIR || 'data'));
}

// Refused before Next starts, one line per problem naming the variable: the same rules the
// server applies when started without this script (instrumentation.ts) and db:prepare uses.
const config = parseServerEnvironment({ ...env, NODE_ENV: 'production' });
if (!config.ok) {
  for (const line of config.errors) console.error(`Configuration error: ${line}`);
  process.exit(1);
}
const rateLimits = config.env.GAZETTE_RATE_LIMITS ?? 'on';

// The server runs in this process: Next's request handler behind the page cache
// (gateway/page-cache.mjs, docs/decisions/008-page-cache-in-front-of-next.md).
Object.assign(process.env, env);
process.env.NODE_ENV = 'production';
const port = Number(option('-p', '--port') ?? config.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? env.HOSTNAME ?? undefined;
process.env.PORT = String(port);

const { default: next } = await import('next');
const { createPageCache, withPageCache, sharedGenerationCheck, PAGE_CACHE_KEY } = await import('../gateway/page-cache.mjs');
const { withSharedOnlyEdgeKeys } = await import('../gateway/edge-keys.mjs');
const { withDecidedStatus } = await import('../gateway/decided-status.mjs');
const { decideClientAddress, withRequestGuard, trustedProxyHops } = await import('../gateway/request-guard.mjs');
const { withReaderDocuments } = await import('../gateway/reader-document.mjs');
const { DEFAULT_BUDGETS, PUBLIC_PATHS_KEY, createBudgets, createPool, withBudgets, withNotFoundReplay, withPools } = await import('../gateway/admission.mjs');
const { SEARCH_BODY_KEY, withSearchPages } = await import('../gateway/search-pages.mjs');
const { renderToString } = await import('react-dom/server');

const server = http.createServer();
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
await app.prepare();
// Pages carry their cache tags for an edge cache in front (gateway/edge-keys.mjs), only when a
// shared cache may keep them.
// A status proxy.ts decided before Next began the response (a page the role may not open: 403).
// Reader pages go out as reader documents: Next's scripts and payload taken off, islands kept
// (gateway/reader-document.mjs, docs/decisions/018-light-reader-pages.md).
const nextHandler = app.getRequestHandler();
const handle = withDecidedStatus(
  withSharedOnlyEdgeKeys(config.env.GAZETTE_READER_DOCUMENTS === 'off' ? nextHandler : withReaderDocuments(nextHandler)),
);
const megabytes = config.env.GAZETTE_PAGE_CACHE_MB ?? 64;
// The layers every request passes, outermost first (docs/decisions/009-readers-first.md):
//   guard        odd addresses and cross-site actions refused; forwarding headers made true
//   budgets      per client address, for search, sign-in and the beacon (cached answers too)
//   page cache   cached pages from memory; identical misses rendered once
//   budgets      per client address, for pages and images the cache could not answer
//   not found    a made-up address gets the 404 rendered once, replayed
//   pools        at most a few renders at once, a short queue, then 503
//   search       a search page's body rendered into the rest of one Next rendered before
const guard = { trustedProxyHops: trustedProxyHops(env.TRUSTED_PROXY) };
const clientAddress = (req) => decideClientAddress(req.headers['x-forwarded-for'], guard.trustedProxyHops) ?? '';
const budgets = createBudgets(rateLimits === 'on' ? DEFAULT_BUDGETS : {});
const pools = {
  readers: createPool({ maxActive: config.env.GAZETTE_RENDER_POOL?.active ?? 4, maxQueue: config.env.GAZETTE_RENDER_POOL?.queue ?? 64, maxWaitMs: 3000 }),
  newsroom: createPool({ maxActive: 8, maxQueue: 256, maxWaitMs: 10_000 }),
};
// The body is rendered with React's own renderer (react-dom/server), outside Next: the element
// comes from the server's code, which Next built (gateway/search-pages.mjs).
const searchPages = withSearchPages(handle, { source: () => globalThis[SEARCH_BODY_KEY], render: renderToString });
const notFound = withNotFoundReplay(withPools(searchPages, pools), { isMissing: () => globalThis[PUBLIC_PATHS_KEY]?.isMissing });
// Something public changed (the page chrome may have): nothing rendered before is used again.
const forgetRendered = () => {
  notFound.forget();
  searchPages.forget();
  globalThis[SEARCH_BODY_KEY]?.forget?.();
  globalThis[PUBLIC_PATHS_KEY]?.forget?.();
};
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
      forgetRendered();
    },
  };
  // Cluster mode: each look-up first asks whether any instance expired something since the last.
  const shared = config.env.REDIS_URL ? (await import('../gateway/shared-cache-redis.mjs')).getSharedCacheStore(config.env.REDIS_URL) : null;
  const beforeLookup = shared ? sharedGenerationCheck(() => shared.generation(), () => globalThis[PAGE_CACHE_KEY].invalidate()) : undefined;
  cached = withPageCache(cache, misses, { searchCache, beforeLookup });
} else {
  globalThis[PAGE_CACHE_KEY] = { invalidate: forgetRendered };
}
// Cluster mode: other instances' expiries empty this page cache too (gateway/shared-cache-redis.mjs).
if (config.env.REDIS_URL) (await import('../gateway/shared-cache-redis.mjs')).getSharedCacheStore(config.env.REDIS_URL);
// Set by SIGTERM/SIGINT (below).
let stopping = false;
const guarded = withRequestGuard(withBudgets(cached, { budgets, kinds: ['search', 'login', 'beacon'], clientAddress }), guard);
server.on('request', (req, res) => {
  // Stopping: answer what still arrives on an open keep-alive connection, and close it, so a
  // balancer sends its next request to another instance instead of to one about to exit.
  if (stopping) res.setHeader('Connection', 'close');
  return guarded(req, res);
});
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
// hooks in platform/shutdown.ts flush page views and close the database). Ten seconds at most.
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
