#!/usr/bin/env node
// The bench's "hostile" section (npm run bench runs it; docs/decisions/009-readers-first.md):
// the cached article page under load, alone and then beside each flood a bot, a scanner or a
// search spammer sends, measured side by side in one run with wrk (C; autocannon saturates its
// own core before the server). Prints the ratio table that docs/performance.md keeps.
//
// Alone: node scripts/bench-hostile.mjs http://127.0.0.1:3300 /culture/some-article [seconds] [/media/image.jpg]
// (against a server you started; every flood comes from this machine's one address).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 20;

/** wrk, installed from Debian when missing and allowed (root). */
export function ensureWrk() {
  if (spawnSync('wrk', ['--version']).error === undefined) return true;
  if (process.getuid?.() !== 0) return false;
  console.log('bench: installing wrk (apt-get install -y wrk)');
  spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  return spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore' }).status === 0;
}

// Each flood: a fixed path, or a Lua script that makes every request different.
function floods(imagePath) {
  const sizes = [48, 96, 160, 320, 390, 640, 828, 1080, 1280, 1600, 1920];
  return [
    { name: 'search, one query', path: '/search?q=council' },
    { name: 'search, distinct queries', lua: `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/search?q=council" .. counter)\nend\n` },
    { name: 'unknown slugs', lua: `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/city/made-up-" .. math.random(1, 1000000000) .. "-" .. counter)\nend\n` },
    { name: '?page= past the end', lua: `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/city?page=" .. (5000 + counter))\nend\n` },
    ...(imagePath
      ? [
          {
            name: 'image sizes',
            lua: `sizes = {${sizes.join(', ')}}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/_next/image?url=${encodeURIComponent(imagePath)}&w=" .. sizes[(counter % #sizes) + 1] .. "&q=75")\nend\n`,
          },
        ]
      : []),
    {
      name: 'view beacon',
      lua: `wrk.method = "POST"\nwrk.body = '{"articleId":1}'\nwrk.headers["Content-Type"] = "text/plain"\nwrk.headers["Origin"] = ORIGIN\nwrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"\n`,
    },
    { name: 'sign-in page', path: '/login' },
  ];
}

function parseWrk(output) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  const p99ms = p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]] : NaN;
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  const p50ms = p50 ? Number(p50[1]) * { us: 0.001, ms: 1, s: 1000 }[p50[2]] : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  return { requestsPerSecond: Math.round(rps), p50ms: Math.round(p50ms * 100) / 100, p99ms: Math.round(p99ms * 10) / 10, non2xx };
}

/** Runs wrk with these arguments (give `--latency` for the percentiles). */
export function wrk(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve(parseWrk(out)));
  });
}

async function oneReader(base, queries, seconds) {
  const times = [];
  const until = Date.now() + seconds * 1000;
  // The first twenty warm the process (JIT, the spelling dictionary) and are not counted.
  for (const [index, query] of queries.entries()) {
    if (Date.now() > until) break;
    const started = performance.now();
    const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`search answered ${response.status} for ${query}`);
    if (index >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))] * 10) / 10;
  return { requests: times.length, p50ms: at(0.5), p90ms: at(0.9), p99ms: at(0.99) };
}

/**
 * Search at 50 connections: one query asked again and again (answered from the search cache), and
 * a new query every time (each one rendered). Run against a server with the budgets off.
 * Then one reader asking a new question each time (`queries`: real words of the corpus, each
 * asked once), the whole request end to end.
 * @param {{ base: string, seconds?: number, queries?: string[] }} options
 */
export async function searchCapacity({ base, seconds = 10, queries = [] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-search-'));
  try {
    const script = path.join(dir, 'distinct.lua');
    fs.writeFileSync(script, `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/search?q=harbour+" .. counter)\nend\n`);
    // One reader typing new questions, each asked once: the whole request, end to end.
    const distinctOne = await oneReader(base, queries.length > 0 ? queries : Array.from({ length: 300 }, (_, i) => `ferry ${i}`), seconds);
    console.log(
      `bench: search, one reader, ${distinctOne.requests} new questions: p50 ${distinctOne.p50ms} ms, p90 ${distinctOne.p90ms} ms, p99 ${distinctOne.p99ms} ms`,
    );
    const common = ['-t1', '-c50', `-d${seconds}s`, '--latency', '-H', 'accept-encoding: gzip, deflate, br'];
    await wrk([...common.slice(0, 2), '-d3s', base + '/search?q=council']);
    const repeated = await wrk([...common, base + '/search?q=council']);
    const distinct = await wrk([...common, '-s', script, base]);
    console.log(`bench: search at 50 connections: one query ${repeated.requestsPerSecond} req/s (p99 ${repeated.p99ms} ms); a new query each time ${distinct.requestsPerSecond} req/s (p99 ${distinct.p99ms} ms)`);
    return { repeated, distinct, distinctOne };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{ base: string, articlePath: string, imagePath?: string | null, seconds?: number }} options
 */
export async function runHostile({ base, articlePath, imagePath = null, seconds = 10 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-hostile-'));
  const article = () => wrk(['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-H', 'accept-encoding: gzip, deflate, br', base + articlePath]);
  try {
    await article(); // warm-up
    // The machine's speed drifts from minute to minute (shared cores): each flood is compared
    // with a quiet run just before it.
    const rows = [];
    for (const flood of floods(imagePath)) {
      const quiet = await article();
      const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds + 2}s`, '-H', 'accept-encoding: gzip, deflate, br'];
      if (flood.lua) {
        const script = path.join(dir, `${rows.length}.lua`);
        fs.writeFileSync(script, flood.lua.replace('ORIGIN', JSON.stringify(base)));
        args.push('-s', script, base);
      } else {
        args.push(base + flood.path);
      }
      const flooding = wrk(args);
      await new Promise((r) => setTimeout(r, 1000));
      const beside = await article();
      const flooded = await flooding;
      const row = {
        flood: flood.name,
        quietRps: quiet.requestsPerSecond,
        quietP99ms: quiet.p99ms,
        articleRps: beside.requestsPerSecond,
        ratio: Math.round((beside.requestsPerSecond / quiet.requestsPerSecond) * 100) / 100,
        articleP99ms: beside.p99ms,
        floodRps: flooded.requestsPerSecond,
        floodRefused: flooded.non2xx,
      };
      console.log(
        `bench: hostile: beside ${flood.name}: article ${row.articleRps} req/s (${Math.round(row.ratio * 100)} % of ${row.quietRps} just before), ` +
          `p99 ${row.articleP99ms} ms; flood ${row.floodRps} req/s answered, ${row.floodRefused} refused`,
      );
      rows.push(row);
    }
    console.table(
      rows.map((r) => ({
        beside: r.flood,
        'quiet req/s': r.quietRps,
        'article req/s': r.articleRps,
        'of quiet': `${Math.round(r.ratio * 100)} %`,
        'article p99 ms': r.articleP99ms,
        'flood req/s': r.floodRps,
        'flood 429/503/404': r.floodRefused,
      })),
    );
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [base, articlePath, seconds, imagePath] = process.argv.slice(2);
  if (!base || !articlePath || !ensureWrk()) {
    console.error('usage: node scripts/bench-hostile.mjs <base url> <article path> [seconds] (needs wrk)');
    process.exit(1);
  }
  await runHostile({ base, articlePath, seconds: Number(seconds || 10), imagePath: imagePath || null });
}
