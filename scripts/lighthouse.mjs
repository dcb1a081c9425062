#!/usr/bin/env node
// Lighthouse (12.x, its default mobile run: simulated throttling, a mid-range phone) on reader
// pages, several runs each, against a production server that is already running. `npm run bench`
// runs it on the home page and an article; alone:
//   node scripts/lighthouse.mjs <base url> <path> [<path> …] [--runs 5]
// Prints one row per run (the four category scores, LCP, TBT, CLS) and returns them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

async function waitForDevtools(port, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Chromium did not open its debugging port');
}

/**
 * @param {string} base
 * @param {[string, string][]} pages name and path
 * @param {{ runs?: number }} [options]
 */
export async function measureLighthouse(base, pages, options = {}) {
  const runs = options.runs ?? 5;
  const executable = CHROMIUMS.find((file) => fs.existsSync(file));
  if (!executable) throw new Error('no Chromium: node scripts/ensure-browser.mjs installs one');
  const rows = [];
  for (const [name, urlPath] of pages) {
    for (let run = 1; run <= runs; run++) {
      // A fresh browser and profile each run, as Lighthouse's own CLI does.
      const port = await freePort();
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-lighthouse-'));
      const chrome = spawn(
        executable,
        ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
        // Its own process group, so the renderer and GPU processes go with it.
        { stdio: 'ignore', detached: true },
      );
      try {
        await waitForDevtools(port);
        const result = await lighthouse(base + urlPath, { port, output: 'json', logLevel: 'error' });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no Lighthouse result for ${urlPath}`);
        const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
        rows.push({
          page: name,
          run,
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best practices': score('best-practices'),
          seo: score('seo'),
          'LCP ms': Math.round(audit('largest-contentful-paint')),
          'TBT ms': Math.round(audit('total-blocking-time')),
          CLS: Number(audit('cumulative-layout-shift').toFixed(3)),
        });
      } finally {
        const exited = new Promise((resolve) => chrome.once('exit', resolve));
        process.kill(-(/** @type {number} */ (chrome.pid)), 'SIGKILL');
        await exited;
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      }
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
  const [base, ...paths] = args;
  if (!base || paths.length === 0) {
    console.error('usage: node scripts/lighthouse.mjs <base url> <path> [<path> …] [--runs 5]');
    process.exit(2);
  }
  console.table(await measureLighthouse(base, paths.map((p) => [p, p]), { runs }));
}
