import type { Instrumentation } from 'next';

// Runs once when a server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // `npm run serve` skips db:prepare, so the server checks its configuration too.
  const { parseServerEnvironment } = await import('./lib/env');
  const config = parseServerEnvironment(process.env);
  if (!config.ok) {
    for (const line of config.errors) console.error(`Configuration error: ${line}`);
    process.exit(1);
  }
  // Buffered page views are written before the database closes (exit hooks run in order).
  const { registerPageViewShutdown } = await import('./lib/views/page-view-service');
  registerPageViewShutdown();
  // The server in front of Next (scripts/start.mjs) asks this before letting Next render a 404.
  const { forgetPublicPathCounts, isMissingPublicPath } = await import('./db/queries/public-paths');
  const { PUBLIC_PATHS_KEY } = await import('./lib/admission.mjs');
  (globalThis as Record<symbol, unknown>)[PUBLIC_PATHS_KEY] = { isMissing: isMissingPublicPath, forget: forgetPublicPathCounts };
  const { startScheduler, stopScheduler } = await import('./lib/scheduler');
  const { installShutdownHandlers } = await import('./lib/shutdown');
  installShutdownHandlers(stopScheduler);
  const port = process.env.PORT || '3000';
  const intervalMs = Number(process.env.GAZETTE_SCHEDULER_INTERVAL_MS) || 15_000;
  startScheduler({ baseUrl: `http://127.0.0.1:${port}`, intervalMs });
}

// Every server error, as one structured log line: route, method, kind, digest.
// The request's headers are not logged (they carry session cookies).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./lib/logger');
  const err = error as Error & { digest?: string };
  getLogger().error(
    {
      requestId: request.headers['x-request-id'] ?? null,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      digest: err.digest,
      err: { message: err.message, name: err.name, stack: err.stack },
    },
    'request failed',
  );
};
