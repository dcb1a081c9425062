import type { Instrumentation } from 'next';

// Runs once when a server process starts (not during `next build`). Node-only code lives in
// instrumentation-node.ts, imported only in the Node.js runtime, so the Edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { registerNodeServer } = await import('./instrumentation-node');
    await registerNodeServer();
  }
}

// Every server error, as one structured log line: route, method, kind, digest.
// The request's headers are not logged (they carry session cookies).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./platform/logger');
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
