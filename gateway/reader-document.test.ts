import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache, withPageCache } from './page-cache.mjs';
import {
  READER_DOCUMENT_MARK,
  documentEtag,
  mayBeReaderDocument,
  readerDocumentPolicy,
  toReaderDocument,
  withReaderDocuments,
} from './reader-document.mjs';

// A page as Next 16 sends it: the stylesheet, a font preload, chunk preloads and scripts, the
// flight payload inline, JSON-LD, an island asked for by a component.
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/x.js"/>',
  '<script src="/_next/static/chunks/main-app.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script type="module" async="" src="/islands/video-facade.ABC.js"></script>',
  READER_DOCUMENT_MARK,
  '<title>Harbour</title></head><body><main><h1>Harbour reopens</h1>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  `<p>The ferry returns.</p><p>${'Crossings every twenty minutes from the old quay. '.repeat(40)}</p></main>`,
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"3:I[\\"</p>\\"]"])</script>',
  '</body></html>',
].join('');

describe('toReaderDocument', () => {
  it('keeps the content, stylesheets, fonts, JSON-LD and islands, and drops every other script and script preload', () => {
    const light = toReaderDocument(PAGE)!;
    expect(light).toContain('<h1>Harbour reopens</h1>');
    expect(light).toContain('<p>The ferry returns.</p>');
    expect(light).toContain('rel="stylesheet" href="/_next/static/chunks/app.css"');
    expect(light).toContain('as="font"');
    expect(light).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(light).toContain('src="/islands/video-facade.ABC.js"');
    for (const gone of ['__next_f', 'main-app.js', 'polyfills.js', 'webpack.js', 'modulepreload']) expect(light).not.toContain(gone);
    expect(light.match(/<script/g)).toHaveLength(2);
  });

  it('leaves a page that does not declare itself a reader document alone', () => {
    const newsroom = PAGE.replace(READER_DOCUMENT_MARK, '');
    expect(toReaderDocument(newsroom)).toBeNull();
  });

  it('allows no inline script in a reader document, and changes nothing else in the policy', () => {
    const policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'";
    expect(readerDocumentPolicy(policy)).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'");
  });

  it('never touches the newsroom, previews, the API, files or feeds', () => {
    for (const url of ['/admin', '/admin/articles', '/login', '/preview/3', '/api/views', '/_next/static/a.js', '/media/x.jpg', '/rss.xml', '/robots.txt', '/islands/a.js', '/sitemaps/1.xml']) {
      expect(mayBeReaderDocument(url), url).toBe(false);
    }
    for (const url of ['/', '/politics', '/politics/harbour-reopens', '/tag/harbour?page=2', '/search?q=ferry', '/corrections', '/administration-news']) {
      expect(mayBeReaderDocument(url), url).toBe(true);
    }
  });
});

// A stand-in for Next's handler that writes the way Next does: headers set, then writeHead, then
// the body in pieces. It records the request headers it was given.
function nextLike(body: string, options: { type?: string; etag?: string; status?: number } = {}) {
  const seen: http.IncomingHttpHeaders[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ ...req.headers });
    res.setHeader('content-security-policy', "script-src 'self' 'unsafe-inline'");
    if (options.etag) res.setHeader('etag', options.etag);
    res.setHeader('cache-control', 's-maxage=60');
    res.writeHead(options.status ?? 200, { 'content-type': options.type ?? 'text/html; charset=utf-8' });
    const half = Math.floor(body.length / 2);
    res.write(body.slice(0, half));
    res.end(body.slice(half));
  };
  return { handler, seen };
}

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('withReaderDocuments', () => {
  it('sends the reader document gzipped, with its own length, validator and policy; Next is asked for plain bytes', async () => {
    const next = nextLike(PAGE, { etag: '"next-etag"' });
    const base = await serve(withReaderDocuments(next.handler));
    const answer = await get(`${base}/politics/harbour-reopens`, { 'accept-encoding': 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    const html = gunzipSync(answer.body).toString('utf8');
    expect(html).toBe(toReaderDocument(PAGE));
    expect(answer.headers.etag).toBe(documentEtag(Buffer.from(html)));
    expect(answer.headers['content-security-policy']).toBe("script-src 'self'");
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(next.seen[0]!['accept-encoding']).toBeUndefined();

    // The validator it sent brings a 304, without asking Next to compare its own.
    const again = await get(`${base}/politics/harbour-reopens`, { 'if-none-match': answer.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(next.seen[1]!['if-none-match']).toBeUndefined();
  });

  it('sends plain bytes to a client that takes no gzip, and passes other answers through rewritten by nothing', async () => {
    const page = nextLike(PAGE);
    const base = await serve(withReaderDocuments(page.handler));
    const plain = await get(`${base}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(toReaderDocument(PAGE));

    server!.close();
    const json = JSON.stringify({ items: 'x'.repeat(2000) });
    const api = nextLike(json, { type: 'application/json', status: 404 });
    const other = await serve(withReaderDocuments(api.handler));
    const answer = await get(`${other}/anything`, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(404);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(json);
    expect(answer.headers['content-security-policy']).toBe("script-src 'self' 'unsafe-inline'");
  });

  it('leaves the newsroom and HEAD requests to Next as they came', async () => {
    const next = nextLike(PAGE);
    const base = await serve(withReaderDocuments(next.handler));
    const admin = await get(`${base}/admin/articles`, { 'accept-encoding': 'gzip' });
    expect(admin.body.toString('utf8')).toBe(PAGE);
    expect(next.seen[0]!['accept-encoding']).toBe('gzip');
    await get(`${base}/politics`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(next.seen[1]!['accept-encoding']).toBe('gzip');
  });

  it('is what the page cache keeps and replays', async () => {
    const next = nextLike(PAGE);
    const cache = createPageCache();
    const base = await serve(withPageCache(cache, withReaderDocuments(next.handler)));
    const first = await get(`${base}/politics`, { 'accept-encoding': 'gzip' });
    const second = await get(`${base}/politics`, { 'accept-encoding': 'gzip' });
    expect(second.headers['x-gazette-cache']).toBe('HIT');
    expect(next.seen).toHaveLength(1);
    expect(gunzipSync(second.body).toString('utf8')).toBe(toReaderDocument(PAGE));
    expect(second.body.equals(first.body)).toBe(true);
  });
});
