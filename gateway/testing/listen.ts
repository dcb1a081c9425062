import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

// For the gateway's tests: a real HTTP server on a free port of 127.0.0.1 around the handler
// under test, closed (with its connections) after each test.
export function serveDuringTest(): (handler: http.RequestListener) => Promise<string> {
  let server: http.Server | undefined;
  afterEach(async () => {
    const open = server;
    server = undefined;
    if (!open) return;
    open.closeAllConnections();
    await new Promise((resolve) => open.close(resolve));
  });
  return async (handler) => {
    const s = http.createServer(handler);
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
}
