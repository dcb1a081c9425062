import { describe, expect, it } from 'vitest';
import { readJsonBody } from './request-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://x.test/', { method: 'POST', body, headers });

describe('readJsonBody', () => {
  it('reads JSON under the limit', async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses a declared length over the limit before reading', async () => {
    expect(await readJsonBody(post('{}', { 'content-length': '5000000' }), 1000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses a streamed body that grows past the limit', async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(500)));
        controller.close();
      },
    });
    const request = new Request('http://x.test/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await readJsonBody(request, 1000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('calls anything that is not JSON invalid, and an empty body too', async () => {
    expect(await readJsonBody(post('not json'), 100)).toEqual({ ok: false, reason: 'invalid' });
    expect(await readJsonBody(new Request('http://x.test/', { method: 'POST' }), 100)).toEqual({ ok: false, reason: 'invalid' });
  });
});
