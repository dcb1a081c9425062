#!/usr/bin/env node
// What a reader downloads for one page: the HTML (raw and as sent, gzip), the part of it that is
// the RSC flight payload (`self.__next_f.push(…)` scripts, which repeat what the HTML says), and
// the JavaScript the page loads (module scripts; `noModule` polyfills, which modern browsers skip,
// counted apart), each file gzipped as the server sends it. `npm run bench` prints it per page
// type; alone: node scripts/page-weight.mjs <base url> <path> [<path> …].
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

/**
 * GET with gzip; the bytes as they came over the wire and the decoded text.
 * @param {string} url
 * @returns {Promise<{ status: number, wire: number, text: string, headerBytes: number }>}
 */
function get(url) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers: { 'accept-encoding': 'gzip', 'user-agent': 'gazette-page-weight' }, maxHeaderSize: 1024 * 1024 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');
        const headerBytes = res.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
        resolve({ status: res.statusCode ?? 0, wire: res.headers['content-encoding'] === 'gzip' ? body.length : zlib.gzipSync(body).length, text, headerBytes });
      });
      res.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${url}`)));
  });
}

/**
 * The scripts of a page's HTML: external sources (module or noModule) and the flight payload.
 * @param {string} html
 */
export function scriptsOf(html) {
  /** @type {string[]} */
  const modules = [];
  /** @type {string[]} */
  const noModule = [];
  let flightBytes = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) (/\bnoModule\b/i.test(attributes) ? noModule : modules).push(src.replace(/&amp;/g, '&'));
    else if (body.includes('self.__next_f')) flightBytes += Buffer.byteLength(match[0]);
  }
  return { modules: [...new Set(modules)], noModule: [...new Set(noModule)], flightBytes };
}

/**
 * The weight of each page.
 * @param {string} base
 * @param {[string, string][]} pages name and path
 */
export async function measurePageWeight(base, pages) {
  /** @type {Map<string, number>} gzipped size of each script, fetched once */
  const sizes = new Map();
  const sizeOf = async (src) => {
    const url = new URL(src, base).href;
    if (!sizes.has(url)) sizes.set(url, (await get(url)).wire);
    return sizes.get(url) ?? 0;
  };
  const rows = [];
  for (const [name, path] of pages) {
    const page = await get(base + path);
    const { modules, noModule, flightBytes } = scriptsOf(page.text);
    let js = 0;
    for (const src of modules) js += await sizeOf(src);
    let polyfills = 0;
    for (const src of noModule) polyfills += await sizeOf(src);
    rows.push({
      page: name,
      path,
      status: page.status,
      'HTML KB': kb(Buffer.byteLength(page.text)),
      'HTML gz KB': kb(page.wire),
      // Proxies refuse big response headers (Varnish 8 KB, nginx 4–8 KB by default): the edge keys must stay small.
      'headers KB': kb(page.headerBytes),
      'flight KB': kb(flightBytes),
      'JS gz KB': kb(js),
      scripts: modules.length,
      'noModule gz KB': kb(polyfills),
    });
  }
  return rows;
}

const kb = (bytes) => Math.round(bytes / 102.4) / 10;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, ...paths] = process.argv.slice(2);
  if (!base || paths.length === 0) {
    console.error('usage: node scripts/page-weight.mjs <base url> <path> [<path> …]');
    process.exit(2);
  }
  console.table(await measurePageWeight(base.replace(/\/$/, ''), paths.map((p) => [p, p])));
}
