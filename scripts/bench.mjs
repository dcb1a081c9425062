#!/usr/bin/env node
// npm run bench — the project's benchmark. Builds the production server against a
// large seeded data set in its own data directory (./bench-data, 100,000 articles,
// made once and reused), starts it, and measures each public page type with
// autocannon: requests/s, p50/p99 latency, errors, and the server's peak memory.
// Results: bench-results.json and a table on stdout. See docs/performance.md.
//
//   BENCH_ARTICLES=100000   size of the data set (a different size re-seeds)
//   BENCH_DURATION=20       seconds per target after a 5 s warm-up
//   BENCH_CONNECTIONS=50
//   BENCH_SKIP_BUILD=1      reuse .next (only when it was built against bench-data)
//   BENCH_HOSTILE_SECONDS=10  length of each run of the hostile section (wrk; see bench-hostile.mjs)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { ensureWrk, runHostile, searchCapacity } from './bench-hostile.mjs';
import { publishToVisible } from './bench-publish.mjs';
import { measurePageWeight } from './page-weight.mjs';
import { measureLighthouse } from './lighthouse.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench-data');
const articles = Number(process.env.BENCH_ARTICLES || 100_000);
const duration = Number(process.env.BENCH_DURATION || 20);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://127.0.0.1:${port}`;
// Every browser and crawler asks for compressed responses; without this header autocannon
// would measure its own parsing of ~140 KB uncompressed pages rather than the server.
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

const env = {
  ...process.env,
  GAZETTE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  PORT: String(port),
};

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function seededCount() {
  const file = path.join(dataDir, 'gazette.db');
  if (!fs.existsSync(file)) return 0;
  // The benchmark is a client of the data set, not of the app: a read-only peek is enough here.
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM articles').get().n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

function pick(sql, ...params) {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  try {
    return db.prepare(sql).get(...params);
  } finally {
    db.close();
  }
}

// Distinct questions a reader might type: one word or two neighbouring words of a published
// headline (four letters or more), each asked once.
function searchQueries(count = 4000) {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  try {
    const titles = db.prepare(`SELECT title FROM articles WHERE status = 'published' ORDER BY random() LIMIT ?`).all(count * 2);
    const queries = new Set();
    for (const { title } of titles) {
      const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      if (words.length === 0) continue;
      const at = Math.floor(Math.random() * words.length);
      queries.add(at + 1 < words.length && queries.size % 2 === 0 ? `${words[at]} ${words[at + 1]}` : words[at]);
      if (queries.size >= count) break;
    }
    return [...queries];
  } finally {
    db.close();
  }
}

async function waitForServer(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

// Peak resident memory of the server process tree, polled from /proc.
function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    let total = match ? Number(match[1]) * 1024 : 0;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) total += rssOf(Number(child));
    return total;
  } catch {
    return 0;
  }
}

function cannon(url, seconds, conns = connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: conns, duration: seconds, pipelining: 1, headers: BROWSER_HEADERS }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** One row of the results, printed as it is measured. */
function resultRow(name, urlPath, r) {
  const row = {
    name,
    path: urlPath,
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    bytesPerResponse: Math.round(r.throughput.average / Math.max(1, r.requests.average)),
  };
  console.log(`bench: ${name}: ${row.requestsPerSecond} req/s, p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, ${row.errors} errors`);
  return row;
}

async function main() {
  const have = seededCount();
  if (have !== articles) {
    console.log(`bench: seeding ${articles} articles into ${dataDir} (have ${have})`);
    run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/seed.ts', '--reset', '--articles', String(articles)]);
  } else {
    console.log(`bench: reusing ${dataDir} (${have} articles)`);
  }
  if (process.env.BENCH_SKIP_BUILD !== '1') run('npm', ['run', 'build']);

  const article = pick(
    `SELECT s.slug AS section, a.slug AS slug FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.kind <> 'feed' ORDER BY a.published_at DESC LIMIT 1 OFFSET 50`,
  );
  const tag = pick(
    `SELECT t.slug AS slug FROM tags t JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`,
  );
  const section = pick(`SELECT slug FROM sections WHERE slug <> 'news-feed' ORDER BY position LIMIT 1`);
  const targets = [
    ['home', '/'],
    ['article', `/${article.section}/${article.slug}`],
    ['section front', `/${section.slug}`],
    ['tag page', `/tag/${tag.slug}`],
    ['search', '/search?q=council%20budget'],
    ['rss', '/rss.xml'],
    ['sitemap index', '/sitemap.xml'],
    ['news sitemap', '/news-sitemap.xml'],
  ];

  // A production server needs AUTH_SECRET: use the key db:prepare made for bench-data.
  env.AUTH_SECRET ||= fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
  // Capacity is measured with the per-client budgets off (every request comes from this one
  // address, which the budgets would rightly slow down); the hostile section restarts the server
  // with them on, as production runs.
  const startServer = (extraEnv) =>
    spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  let server = startServer({ GAZETTE_RATE_LIMITS: 'off' });
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, rssOf(server.pid));
  }, 200);
  const results = [];
  let publishVisible = null;
  let hostile = null;
  let search = null;
  let weight = [];
  let lighthouse = [];
  try {
    await waitForServer(`${base}/api/health`);
    // What a reader downloads per page type (the budget: 30 KB of JavaScript gzipped, 50 KB of
    // HTML, 12 KB gzipped, no flight payload).
    const byline = pick(`SELECT slug FROM bylines ORDER BY id LIMIT 1`);
    weight = await measurePageWeight(base, [
      ['home', '/'],
      ['article', `/${article.section}/${article.slug}`],
      ['section front', `/${section.slug}`],
      ['tag page', `/tag/${tag.slug}`],
      ['author page', `/author/${byline.slug}`],
      ['News Feed', '/news-feed'],
      ['corrections', '/corrections'],
      ['search', '/search?q=council'],
      ['404', '/no-such-section/no-such-story'],
    ]);
    // Lighthouse's mobile run on a phone-class device, five times each (the goal: 99 or more every
    // time, CLS 0, the other three categories 100). BENCH_LIGHTHOUSE_RUNS=0 skips it.
    const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
    if (lighthouseRuns > 0) {
      lighthouse = await measureLighthouse(base, [['home', '/'], ['article', `/${article.section}/${article.slug}`]], { runs: lighthouseRuns });
    }
    for (const [name, urlPath] of targets) {
      const url = base + urlPath;
      const first = await fetch(url);
      if (first.status === 404) {
        console.log(`bench: ${name} (${urlPath}) answers 404 — not built yet, skipped`);
        results.push({ name, path: urlPath, skipped: 'not found' });
        continue;
      }
      await cannon(url, 5); // warm-up: fill caches, JIT
      results.push(resultRow(name, urlPath, await cannon(url, duration)));
    }
    // Search is the one page rendered per request: its latency for a single reader, unloaded.
    {
      const urlPath = '/search?q=harbour%20ferry';
      await cannon(base + urlPath, 3, 1);
      results.push(resultRow('search, 1 connection', urlPath, await cannon(base + urlPath, 10, 1)));
    }
    if (ensureWrk()) search = await searchCapacity({ base, seconds: Math.min(duration, 15), queries: searchQueries() });
    publishVisible = await publishToVisible({ base, dataDir });
    console.log(
      `bench: publish → visible: article ${publishVisible.medianArticleVisibleMs} ms median (worst ${publishVisible.worstArticleVisibleMs}), ` +
        `home ${publishVisible.medianHomeVisibleMs} ms median (worst ${publishVisible.worstHomeVisibleMs})`,
    );
    if (ensureWrk()) {
      const stopped = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
      server = startServer({});
      await waitForServer(`${base}/api/health`);
      const image = pick(`SELECT file FROM media ORDER BY id LIMIT 1`);
      hostile = await runHostile({
        base,
        articlePath: `/${article.section}/${article.slug}`,
        imagePath: image ? `/media/${image.file}` : null,
        seconds: Number(process.env.BENCH_HOSTILE_SECONDS || 10),
      });
    } else {
      console.log('bench: hostile section skipped: wrk is not installed (apt-get install wrk, as root)');
    }
  } finally {
    clearInterval(poll);
    server.kill('SIGTERM');
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    articles,
    connections,
    durationSeconds: duration,
    serverPeakRssMiB: Math.round(peak / 2 ** 20),
    results,
    publishToVisible: publishVisible,
    search,
    hostile,
    pageWeight: weight,
    lighthouse,
  };
  fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('');
  console.table(
    results.map((r) =>
      r.skipped
        ? { target: r.name, path: r.path, 'req/s': '—', 'p50 ms': '—', 'p99 ms': '—', errors: r.skipped }
        : { target: r.name, path: r.path, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50ms, 'p99 ms': r.p99ms, errors: r.errors },
    ),
  );
  console.log('page weight (budget: JS gz ≤ 30 KB, HTML ≤ 50 KB and ≤ 12 KB gz, flight 0):');
  console.table(weight);
  if (lighthouse.length) {
    console.log('Lighthouse, mobile (goal: performance ≥ 99 in every run, CLS 0, the rest 100):');
    console.table(lighthouse);
  }
  if (publishVisible) {
    console.log(
      `publish → visible (${publishVisible.rounds} rounds): article page ${publishVisible.medianArticleVisibleMs} ms median, ` +
        `${publishVisible.worstArticleVisibleMs} ms worst; home page ${publishVisible.medianHomeVisibleMs} ms median, ${publishVisible.worstHomeVisibleMs} ms worst`,
    );
  }
  console.log(`server peak memory: ${report.serverPeakRssMiB} MiB · results in bench-results.json`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
