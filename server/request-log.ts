import 'server-only';
import { randomUUID } from 'node:crypto';
import { getLogger } from '@/platform/logger';

// One structured line per newsroom API call: request id, route, method, status, duration and
// who acted — never the body (it may hold anything a writer typed) nor any header value.
export async function withRequestLog(
  request: Request,
  route: string,
  handle: (requestId: string) => Promise<Response>,
): Promise<Response> {
  const requestId = request.headers.get('x-request-id') || randomUUID();
  const started = performance.now();
  let status = 500;
  try {
    const response = await handle(requestId);
    status = response.status;
    response.headers.set('x-request-id', requestId);
    return response;
  } finally {
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const log = getLogger();
    const entry = { requestId, route, method: request.method, status, durationMs };
    if (status >= 500) log.error(entry, 'admin api');
    else log.info(entry, 'admin api');
  }
}
