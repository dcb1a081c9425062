import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SEARCH_BODY_END, SEARCH_BODY_START } from '../lib/site/search-slot.mjs';
import { cutShell, SHELL_MAX_AGE_MS, withSearchPages } from './search-pages.mjs';
import { serveDuringTest } from './testing/listen';

const serve = serveDuringTest();

// A search page as Next sends it through the reader-document layer: the chrome, then the body
// between its marks.
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>Search</title></head><body><header>The Gazette</header><h1>Search</h1>${SEARCH_BODY_START}${body}${SEARCH_BODY_END}<footer>${'Sections and links. '.repeat(80)}</footer></body></html>`;

// Stands for Next: renders the whole page for the query, gzipped when asked, and counts itself.
function fakeNext(options: { cookie?: boolean; marks?: boolean } = {}) {
  const calls: string[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    calls.push(`${req.method} ${req.url}`);
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    let body = Buffer.from(options.marks === false ? `<p>results for ${q}</p>` : page(`<p>results for ${q}</p>`));
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', '"next"');
    if (options.cookie) res.setHeader('set-cookie', 'a=b');
    if (String(req.headers['accept-encoding'] ?? '').includes('gzip')) {
      body = gzipSync(body);
      res.setHeader('content-encoding', 'gzip');
    }
    res.end(body);
  };
  return { calls, handler };
}

// Stands for the server's code: the body as an element, or a failure.
const source = (fail = false) => ({
  asked: [] as string[],
  async element(search: string) {
    this.asked.push(search);
    if (fail) throw new Error('database gone');
    return createElement('p', null, `results for ${new URLSearchParams(search).get('q')}`);
  },
});

async function get(base: string, path: string, gzip = true) {
  const response = await fetch(base + path, { headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('cutShell', () => {
  it('keeps the page around one body, marks included', () => {
    const cut = cutShell(Buffer.from(page('<p>x</p>')))!;
    expect(cut.before.toString().endsWith(SEARCH_BODY_START)).toBe(true);
    expect(cut.after.toString().startsWith(SEARCH_BODY_END)).toBe(true);
    expect(Buffer.concat([cut.before, Buffer.from('<p>x</p>'), cut.after]).toString()).toBe(page('<p>x</p>'));
  });

  it('refuses a page without both marks, with them out of order, or with two bodies', () => {
    expect(cutShell(Buffer.from('<p>no marks</p>'))).toBeNull();
    expect(cutShell(Buffer.from(`${SEARCH_BODY_END}<p>x</p>${SEARCH_BODY_START}`))).toBeNull();
    expect(cutShell(Buffer.from(page('a') + page('b')))).toBeNull();
  });
});

describe('withSearchPages', () => {
  it('lets Next render the first search whole, then renders only the body into the page it kept', async () => {
    const next = fakeNext();
    const body = source();
    const base = await serve(withSearchPages(next.handler, { source: () => body, render: renderToString }));

    const first = await get(base, '/search?q=ferry');
    expect(first.headers.get('x-gazette-render')).toBeNull();
    expect(first.text).toBe(page('<p>results for ferry</p>'));

    const second = await get(base, '/search?q=harbour%20works');
    expect(second.headers.get('x-gazette-render')).toBe('body');
    expect(second.text).toBe(page('<p>results for harbour works</p>'));
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(second.headers.get('cache-control')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
    expect(second.headers.get('etag')).toBeNull();
    expect(body.asked).toEqual(['?q=harbour%20works']);
    expect(next.calls).toEqual(['GET /search?q=ferry']);

    // A client that does not take gzip gets the plain bytes.
    const plain = await get(base, '/search?q=quay', false);
    expect(plain.text).toBe(page('<p>results for quay</p>'));
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('renders whole again once told that something changed, and after the kept page is a minute old', async () => {
    const next = fakeNext();
    let clock = 1_000;
    const layer = withSearchPages(next.handler, { source: () => source(), render: renderToString, now: () => clock });
    const base = await serve(layer);
    await get(base, '/search?q=a');
    expect((await get(base, '/search?q=b')).headers.get('x-gazette-render')).toBe('body');
    layer.forget();
    expect((await get(base, '/search?q=c')).headers.get('x-gazette-render')).toBeNull();
    expect((await get(base, '/search?q=d')).headers.get('x-gazette-render')).toBe('body');
    clock += SHELL_MAX_AGE_MS + 1;
    expect((await get(base, '/search?q=e')).headers.get('x-gazette-render')).toBeNull();
    expect(next.calls).toEqual(['GET /search?q=a', 'GET /search?q=c', 'GET /search?q=e']);
  });

  it('lets Next render the page when the body cannot be made, and keeps nothing it should not', async () => {
    const failing = fakeNext();
    const base = await serve(withSearchPages(failing.handler, { source: () => source(true), render: renderToString }));
    await get(base, '/search?q=a');
    const answer = await get(base, '/search?q=b');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(page('<p>results for b</p>'));
    expect(failing.calls).toHaveLength(2);
  });

  it('keeps no page that sets a cookie or lacks the marks, and passes other paths, the client router, a session, a HEAD (the render pool makes it a GET first) and an unstarted server to Next', async () => {
    for (const options of [{ cookie: true }, { marks: false }]) {
      const next = fakeNext(options);
      const base = await serve(withSearchPages(next.handler, { source: () => source(), render: renderToString }));
      await get(base, '/search?q=a');
      expect((await get(base, '/search?q=b')).headers.get('x-gazette-render')).toBeNull();
    }
    const next = fakeNext();
    const registry: { source?: ReturnType<typeof source> } = {};
    const base = await serve(withSearchPages(next.handler, { source: () => registry.source, render: renderToString }));
    await get(base, '/search?q=a');
    expect((await get(base, '/search?q=b')).headers.get('x-gazette-render')).toBeNull();
    registry.source = source();
    await get(base, '/searching?q=c');
    await fetch(`${base}/search?q=d`, { headers: { rsc: '1' } });
    await fetch(`${base}/search?q=e`, { headers: { cookie: 'authjs.session-token=x' } });
    await fetch(`${base}/search?q=f`, { method: 'HEAD' });
    expect(next.calls).toEqual(['GET /search?q=a', 'GET /search?q=b', 'GET /searching?q=c', 'GET /search?q=d', 'GET /search?q=e', 'HEAD /search?q=f']);
    expect((await get(base, '/search?q=g')).headers.get('x-gazette-render')).toBe('body');
  });

});

