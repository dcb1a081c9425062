import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DECIDED_STATUS_HEADER, withDecidedStatus } from './decided-status.mjs';

// A real server, so the status line is what Node sends, whichever way the handler flushes headers.
let server: http.Server | null = null;

async function answer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  server = http.createServer(withDecidedStatus(handler));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/admin/users`);
  return { status: response.status, header: response.headers.get(DECIDED_STATUS_HEADER), body: await response.text() };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

describe('withDecidedStatus', () => {
  it('turns the decided header into the status line of a page that began as 200, and drops it', async () => {
    expect(
      await answer((_req, res) => {
        res.setHeader(DECIDED_STATUS_HEADER, '403');
        res.write('<h1>Your role does not open this page</h1>');
        res.end();
      }),
    ).toEqual({ status: 403, header: null, body: '<h1>Your role does not open this page</h1>' });
  });

  it('reads it from headers given to writeHead too', async () => {
    expect(await answer((_req, res) => res.writeHead(200, { [DECIDED_STATUS_HEADER]: '403' }).end('no'))).toMatchObject({ status: 403, header: null });
  });

  it('leaves every other status, and statuses it was not told it may set', async () => {
    expect(
      await answer((_req, res) => {
        res.statusCode = 404;
        res.setHeader(DECIDED_STATUS_HEADER, '403');
        res.end();
      }),
    ).toMatchObject({ status: 404, header: null });
    expect(
      await answer((_req, res) => {
        res.setHeader(DECIDED_STATUS_HEADER, '302');
        res.end();
      }),
    ).toMatchObject({ status: 200, header: null });
    expect(await answer((_req, res) => res.end('plain'))).toMatchObject({ status: 200, body: 'plain' });
  });
});
