// @ts-check
// Reader documents: the reader's copy of a public page carries no framework (decision 018).
//
// Reader pages are App Router pages like the newsroom's, so Next sends each one with React, its
// router and the page's RSC payload (`self.__next_f.push(…)`, repeating the HTML) to hydrate it.
// Reader pages use plain links (decision 002) and enhance themselves with islands: small
// scripts of their own, built from islands/ (scripts/build-islands.mjs) and asked for by the
// components that need them. So here, between the page cache and Next, a page that declares
// itself a reader document (READER_DOCUMENT_MARK, rendered by components/site/site-chrome.tsx)
// loses every script that is not an island or JSON-LD, and every script preload; its content
// security policy then allows no inline script at all. Nothing else changes: the HTML, the
// stylesheets and fonts, the headers. The newsroom and previews are never touched.
//
// Next compresses its answers; to rewrite them, this layer asks Next for the plain bytes and
// compresses the result itself (gzip, as Next does), so the layers outside (the page cache, the
// 404 and 410 replays) keep what a reader receives. e2e/reader-document.spec.ts pins what this
// relies on in Next's output, so an upgrade that changes it fails loudly.
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** What a reader page renders into its <head> to be sent as a reader document. */
export const READER_DOCUMENT_MARK = '<meta name="gazette-document" content="reader"/>';

// Never rewritten: the newsroom, previews, the API, Next's files, uploads and images, islands.
const UNTOUCHED = /^\/(?:admin|api|login|preview|_next|media|media-crop|social-card|islands|sitemaps)(?:[/?]|$)|^\/[^?]*\.(?:xml|txt|svg|ico|png|jpe?g|webp|avif|js|css|woff2?|json)(?:\?|$)/;

/** Paths whose answer may be a reader document. @param {string} url */
export function mayBeReaderDocument(url) {
  return url.startsWith('/') && !UNTOUCHED.test(url);
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const LINK = /<link\b([^>]*)\/?>/gi;
const ISLAND_SRC = /\bsrc="\/islands\/[^"]+"/;
const JSON_LD = /\btype="application\/ld\+json"/;

/**
 * The reader's copy of a page Next rendered, or null when the page is not a reader document.
 * Keeps JSON-LD (data for crawlers, never run) and islands; drops every other script, inline or
 * not, and every preload of a script.
 * @param {string} html
 * @returns {string | null}
 */
export function toReaderDocument(html) {
  if (!html.includes(READER_DOCUMENT_MARK)) return null;
  return html
    .replace(SCRIPT, (element, attributes) => (JSON_LD.test(attributes) || ISLAND_SRC.test(attributes) ? element : ''))
    .replace(LINK, (element, attributes) => {
      const rel = /\brel="([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
      const as = /\bas="([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
      const scriptPreload = rel === 'modulepreload' || (rel === 'preload' && as === 'script');
      return scriptPreload && !/\bhref="\/islands\//.test(attributes) ? '' : element;
    });
}

/**
 * The content security policy of a reader document: the page's own, with no inline script
 * allowed (a reader document has none).
 * @param {unknown} policy
 */
export function readerDocumentPolicy(policy) {
  if (typeof policy !== 'string') return policy;
  return policy.replace(/(script-src[^;]*?)\s+'unsafe-inline'/, '$1');
}

/** A strong validator for the rewritten bytes (Next's own ETag named the bytes it rendered). @param {Buffer} body */
export function documentEtag(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether a request's Accept-Encoding allows gzip. @param {unknown} header */
export function acceptsGzip(header) {
  const value = Array.isArray(header) ? header.join(',') : String(header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/i;

/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler */

/**
 * Wraps Next's request handler: a GET whose answer may be a reader document is answered by Next
 * uncompressed and held until it is complete; a reader document is rewritten (`toReaderDocument`),
 * and whatever came back is compressed for the client and sent with its length and validator.
 * @param {Handler} handle
 * @param {{ stats?: { rewritten: number, bytesIn: number, bytesOut: number } }} [options]
 * @returns {Handler}
 */
export function withReaderDocuments(handle, options = {}) {
  const stats = options.stats ?? { rewritten: 0, bytesIn: 0, bytesOut: 0 };
  return function readerDocumentHandler(req, res) {
    if (req.method !== 'GET' || !mayBeReaderDocument(req.url ?? '')) return handle(req, res);
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const ifNoneMatch = req.headers['if-none-match'];
    // Next answers these with bytes this layer rewrites, and validators it never sent.
    delete req.headers['accept-encoding'];
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];

    // Loosely typed: called below with the arguments Node accepts, which its types spell narrowly.
    const { writeHead, write, end, flushHeaders } = /** @type {any} */ (res);
    /** @type {Buffer[]} */
    const chunks = [];
    /** @param {unknown} chunk @param {unknown} encoding */
    const keep = (chunk, encoding) => {
      if (chunk == null || typeof chunk === 'function') return;
      if (Buffer.isBuffer(chunk)) chunks.push(chunk);
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      else chunks.push(Buffer.from(String(chunk), /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')));
    };
    let status = 200;
    /** @type {string | undefined} */
    let reason;
    // @ts-expect-error same signature as ServerResponse#writeHead
    res.writeHead = function (code, given, headers) {
      status = code;
      const fields = typeof given === 'string' ? ((reason = given), headers) : given;
      if (Array.isArray(fields)) {
        for (let i = 0; i + 1 < fields.length; i += 2) res.setHeader(String(fields[i]), /** @type {string | string[]} */ (fields[i + 1]));
      } else if (fields && typeof fields === 'object') {
        for (const [name, value] of Object.entries(fields)) if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    };
    res.flushHeaders = () => {};
    // @ts-expect-error same signature as ServerResponse#write
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      if (typeof encoding === 'function') /** @type {() => void} */ (encoding)();
      else if (typeof callback === 'function') /** @type {() => void} */ (callback)();
      return true;
    };
    // @ts-expect-error same signature as ServerResponse#end
    res.end = function (chunk, encoding, callback) {
      const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback;
      if (typeof chunk !== 'function') keep(chunk, encoding);
      res.writeHead = writeHead;
      res.write = write;
      res.end = end;
      res.flushHeaders = flushHeaders;
      if (status === 200 && res.statusCode !== 200) status = res.statusCode;
      let body = Buffer.concat(chunks);
      const type = String(res.getHeader('content-type') ?? '');
      if (/^text\/html/i.test(type) && body.length > 0) {
        const rewritten = toReaderDocument(body.toString('utf8'));
        if (rewritten !== null) {
          stats.rewritten++;
          stats.bytesIn += body.length;
          body = Buffer.from(rewritten, 'utf8');
          stats.bytesOut += body.length;
          res.setHeader('content-security-policy', /** @type {string} */ (readerDocumentPolicy(res.getHeader('content-security-policy'))));
          if (res.hasHeader('etag')) res.setHeader('etag', documentEtag(body));
        }
      }
      const etag = res.getHeader('etag');
      const notModified =
        status === 200 &&
        typeof etag === 'string' &&
        typeof ifNoneMatch === 'string' &&
        ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
      res.setHeader('vary', mergeVary(res.getHeader('vary')));
      if (notModified) {
        res.removeHeader('content-type');
        res.removeHeader('content-length');
        writeHead.call(res, 304);
        return end.call(res, undefined, undefined, done);
      }
      if (gzip && body.length >= 1024 && COMPRESSIBLE.test(type) && !res.hasHeader('content-encoding')) {
        body = gzipSync(body);
        res.setHeader('content-encoding', 'gzip');
      }
      res.removeHeader('transfer-encoding');
      res.setHeader('content-length', String(body.length));
      if (reason !== undefined) writeHead.call(res, status, reason);
      else writeHead.call(res, status);
      return end.call(res, body, undefined, done);
    };
    return handle(req, res);
  };
}

/** @param {unknown} vary */
function mergeVary(vary) {
  const names = new Set(
    String(Array.isArray(vary) ? vary.join(',') : (vary ?? ''))
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  if (![...names].some((name) => name.toLowerCase() === 'accept-encoding')) names.add('Accept-Encoding');
  return [...names].join(', ');
}
