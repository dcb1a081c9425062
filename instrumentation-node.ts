// The Node.js server's start-up (instrumentation.ts imports this only in the Node.js runtime, so
// nothing here is compiled for the Edge runtime). Runs once per server process, never during
// `next build`.
export async function registerNodeServer(): Promise<void> {
  // `npm run serve` skips db:prepare and `next start` skips scripts/start.mjs, so the server
  // checks its configuration too (the rules are platform/config.mjs's).
  const { parseServerEnvironment } = await import('./platform/env');
  const config = parseServerEnvironment(process.env);
  if (!config.ok) {
    for (const line of config.errors) console.error(`Configuration error: ${line}`);
    process.exit(1);
  }
  // The shared caches' Redis connection (REDIS_URL) logs its outages through the server's logger.
  const { SHARED_CACHE_LOGGER_KEY } = await import('./gateway/shared-cache-redis.mjs');
  const { getLogger } = await import('./platform/logger');
  (globalThis as Record<symbol, unknown>)[SHARED_CACHE_LOGGER_KEY] = getLogger();
  // Buffered page views are written before the database closes (exit hooks run in order).
  const { registerPageViewShutdown } = await import('./server/page-view-service');
  registerPageViewShutdown();
  // The server in front of Next (scripts/start.mjs) asks this before letting Next render a 404.
  const { forgetPublicPathCounts, isMissingPublicPath } = await import('./db/queries/public-paths');
  const { PUBLIC_PATHS_KEY } = await import('./gateway/admission.mjs');
  (globalThis as Record<symbol, unknown>)[PUBLIC_PATHS_KEY] = { isMissing: isMissingPublicPath, forget: forgetPublicPathCounts };
  // …and the search page's body, rendered into the rest of a search page it keeps.
  const { forgetSearchContext, searchBodyElement } = await import('./server/search-body');
  const { SEARCH_BODY_KEY } = await import('./gateway/search-pages.mjs');
  (globalThis as Record<symbol, unknown>)[SEARCH_BODY_KEY] = { element: searchBodyElement, forget: forgetSearchContext };
  const { startScheduler, stopScheduler } = await import('./server/scheduler');
  const { installShutdownHandlers } = await import('./platform/shutdown');
  installShutdownHandlers(stopScheduler);
  const port = process.env.PORT || '3000';
  const intervalMs = Number(process.env.GAZETTE_SCHEDULER_INTERVAL_MS) || 15_000;
  startScheduler({ baseUrl: `http://127.0.0.1:${port}`, intervalMs });
}
