// @ts-check
// The search page, rendered by its changing part only.
//
// Search is the one reader page rendered for each new address, and Next's cost of rendering any
// page (its payload, then the HTML from it: ~7 ms for a page that says "hi" here, ~11 ms for the
// search page with no results) was most of a new search's time. Yet all of a search page but its
// body — the form, the summary, the results, the pager (components/site/search-body.tsx) — is
// the same for every address: masthead, heading, footer, head. So this layer keeps that rest from
// a search page Next rendered (the page marks where its body begins and ends,
// lib/site/search-slot.mjs), and for the next addresses asks the server's own code for the body
// alone (server/search-body.tsx, registered at start-up under SEARCH_BODY_KEY), renders it to
// HTML with React and sends it inside the kept page: the same bytes Next would have sent
// (e2e/search.spec.ts compares them).
//
// The kept page is dropped when something public changes (`forget`, with the page cache) and
// after a minute, like the search cache in front of this, so a new masthead or breaking-news
// banner is on the next search. Until a page is kept, and whenever the body cannot be made, Next
// renders the whole page. Only what the page cache would answer for everyone is composed: a
// signed-in editor's search, a client-router request or a range goes to Next. A HEAD arrives
// here as its GET (the render pool hands every HEAD on as one; Node sends no body).
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.
import { gunzipSync, gzipSync } from 'node:zlib';
import { SEARCH_BODY_END, SEARCH_BODY_START } from '../lib/site/search-slot.mjs';
import { captureResponse, replayableHeaders, requestKey } from './page-cache.mjs';
import { acceptsGzip } from './reader-document.mjs';

/** Where the server's start-up registers `{ element(search) }` (instrumentation-node.ts). */
export const SEARCH_BODY_KEY = Symbol.for('gazette.searchBody');

/** How long a kept page is used at most. */
export const SHELL_MAX_AGE_MS = 60_000;

const SEARCH = /^\/search(?:\?|$)/;
// Never sent with a composed page: they described the bytes of the page they came with.
const NOT_KEPT = new Set(['content-encoding', 'content-length', 'etag', 'last-modified', 'set-cookie']);

/**
 * @typedef {{ element: (search: string) => Promise<unknown> }} BodySource
 * @typedef {{ before: Buffer, after: Buffer, headers: [string, string | string[]][], keptAt: number }} Shell
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler
 */

/**
 * The page around the body, cut from a rendered search page's HTML; null when the HTML does not
 * hold exactly one body.
 * @param {Buffer} html
 * @returns {{ before: Buffer, after: Buffer } | null}
 */
export function cutShell(html) {
  const start = html.indexOf(SEARCH_BODY_START);
  const end = html.indexOf(SEARCH_BODY_END);
  if (start < 0 || end < start || html.lastIndexOf(SEARCH_BODY_START) !== start || html.lastIndexOf(SEARCH_BODY_END) !== end) return null;
  return { before: Buffer.from(html.subarray(0, start + SEARCH_BODY_START.length)), after: Buffer.from(html.subarray(end)) };
}

/**
 * @param {Handler} handler what renders whole pages (Next, behind the reader-document layer)
 * @param {{ source: () => BodySource | undefined, render: (element: any) => string, now?: () => number,
 *   stats?: { composed: number, rendered: number, kept: number } }} options
 *   `source`: looked up on each request (registered once Next has started); `render`: React's
 *   renderToString.
 * @returns {Handler & { forget: () => void }}
 */
export function withSearchPages(handler, options) {
  const now = options.now ?? Date.now;
  const stats = options.stats ?? { composed: 0, rendered: 0, kept: 0 };
  /** @type {Shell | null} */
  let shell = null;

  /** Next renders this one; its page is kept when it can be. @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  const renderWhole = (req, res) => {
    stats.rendered++;
    captureResponse(res, { maxBytes: 2 * 1024 * 1024, status: 200 }, (_status, given, body) => {
      if (given['set-cookie'] !== undefined || !/^text\/html/i.test(String(given['content-type'] ?? ''))) return;
      const encoding = String(given['content-encoding'] ?? '').toLowerCase();
      if (encoding !== '' && encoding !== 'gzip') return;
      const cut = cutShell(encoding === 'gzip' ? gunzipSync(body) : body);
      if (!cut) return;
      stats.kept++;
      shell = { ...cut, headers: replayableHeaders(given).filter(([name]) => !NOT_KEPT.has(name)), keptAt: now() };
    });
    return handler(req, res);
  };

  /** @type {Handler} */
  const searchPages = (req, res) => {
    const url = req.url ?? '/';
    if (!SEARCH.test(url) || requestKey(req) === null) return handler(req, res);
    const source = options.source();
    const kept = shell !== null && now() - shell.keptAt <= SHELL_MAX_AGE_MS ? shell : null;
    if (!source || !kept) return renderWhole(req, res);
    source
      .element(url.slice('/search'.length))
      .then((element) => Buffer.from(options.render(element), 'utf8'))
      .then(
        (middle) => {
          let body = Buffer.concat([kept.before, middle, kept.after]);
          for (const [name, value] of kept.headers) res.setHeader(name, value);
          if (acceptsGzip(req.headers['accept-encoding']) && body.length >= 1024) {
            body = gzipSync(body);
            res.setHeader('content-encoding', 'gzip');
          }
          res.setHeader('content-length', String(body.length));
          res.setHeader('x-gazette-render', 'body');
          stats.composed++;
          res.writeHead(200);
          res.end(body);
        },
        (error) => {
          console.error('search body failed; Next renders the page', error);
          renderWhole(req, res);
        },
      );
    return undefined;
  };
  return Object.assign(searchPages, {
    forget: () => {
      shell = null;
    },
  });
}
