#!/usr/bin/env node
// Reader documents on and off, side by side in one run (docs/decisions/018-light-reader-pages.md):
// the same build and data set served with GAZETTE_READER_DOCUMENTS=on and =off in turn, twice
// each (on, off, off, on), measuring what the page cache must not lose to the rewrite —
//   - cached-page throughput: wrk, 50 connections, on the article page and the home page;
//   - the page cache's hit rate under a reader mix (16 readers on the home page, the section
//     fronts, the 200 newest articles and the busiest tags) while an editor publishes a draft
//     every two seconds;
//   - publish → visible: from the publish request to the first public page that shows the story.
// Runs on ./bench-data (seed and build it with `npm run bench` first, or BENCH_DATA_DIR=…).
//   node scripts/bench-reader-documents.mjs          (BENCH_SKIP_BUILD=1 reuses .next)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ensureWrk, wrk } from './bench-hostile.mjs';
import { benchEditorCookie, pickDrafts, publishDraft, publishToVisible } from './bench-publish.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.BENCH_DATA_DIR || path.join(root, 'bench-data'));
const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_DURATION || 10);
const env = { ...process.env, GAZETTE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', PORT: String(port) };

function rows(sql) {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

async function waitForServer(ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

// The reader mix: what readers and crawlers ask for, half of it front pages.
function readerUrls() {
  const fronts = ['/', ...rows(`SELECT slug FROM sections ORDER BY position`).map((s) => `/${s.slug}`)];
  const stories = rows(
    `SELECT s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.deleted_at IS NULL ORDER BY a.published_at DESC LIMIT 200`,
  ).map((a) => `/${a.section}/${a.slug}`);
  const tags = rows(
    `SELECT t.slug FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 20`,
  ).map((t) => `/tag/${t.slug}`);
  return { fronts, others: [...stories, ...tags] };
}

async function hitRate(drafts, cookie, durationMs = 20_000) {
  const { fronts, others } = readerUrls();
  const counts = {};
  let published = 0;
  const until = Date.now() + durationMs;
  const reader = async () => {
    while (Date.now() < until) {
      const list = Math.random() < 0.5 ? fronts : others;
      const response = await fetch(base + list[Math.floor(Math.random() * list.length)], { headers: { 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
      const as = response.headers.get('x-gazette-cache') ?? (response.status === 200 ? 'MISS' : String(response.status));
      counts[as] = (counts[as] ?? 0) + 1;
    }
  };
  const editor = async () => {
    while (Date.now() < until - 2_000 && drafts.length > 0) {
      await new Promise((r) => setTimeout(r, 2_000));
      await publishDraft(base, cookie, drafts.shift());
      published += 1;
    }
  };
  await Promise.all([editor(), ...Array.from({ length: 16 }, reader)]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { requests: total, hitRate: Math.round(((counts.HIT ?? 0) / total) * 1000) / 10, counts, published };
}

async function main() {
  if (!fs.existsSync(path.join(dataDir, 'gazette.db'))) throw new Error(`no data set in ${dataDir}: run npm run bench first`);
  if (!ensureWrk()) throw new Error('wrk is needed (apt-get install -y wrk, as root)');
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }
  env.AUTH_SECRET ||= fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
  const [article] = rows(
    `SELECT s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.kind <> 'feed' ORDER BY a.published_at DESC LIMIT 1 OFFSET 50`,
  );
  const articlePath = `/${article.section}/${article.slug}`;
  const results = [];
  // ABBA, so that a drift of the shared machine's speed weighs on both alike.
  for (const mode of ['on', 'off', 'off', 'on']) {
    const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...env, GAZETTE_READER_DOCUMENTS: mode, GAZETTE_RATE_LIMITS: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitForServer();
      // A fresh server finishes its start-up work (background renders of the build's copies,
      // the search dictionary) before anything is measured.
      await new Promise((r) => setTimeout(r, 10_000));
      const cookie = await benchEditorCookie(dataDir);
      const common = ['-t2', '-c50', `-d${seconds}s`, '--latency', '-H', 'accept-encoding: gzip, deflate, br'];
      await wrk(['-t2', '-c50', '-d3s', '-H', 'accept-encoding: gzip', base + articlePath]);
      const articleRun = await wrk([...common, base + articlePath]);
      await wrk(['-t2', '-c50', '-d3s', '-H', 'accept-encoding: gzip', `${base}/`]);
      const homeRun = await wrk([...common, `${base}/`]);
      const mix = await hitRate(pickDrafts(dataDir, 10), cookie);
      const visible = await publishToVisible({ base, dataDir, rounds: 3 });
      const row = {
        readerDocuments: mode,
        articleRps: articleRun.requestsPerSecond,
        articleP99ms: articleRun.p99ms,
        homeRps: homeRun.requestsPerSecond,
        homeP99ms: homeRun.p99ms,
        hitRatePercent: mix.hitRate,
        mixRequests: mix.requests,
        publishedDuringMix: mix.published,
        publishToArticleMs: visible.medianArticleVisibleMs,
        publishToHomeMs: visible.medianHomeVisibleMs,
      };
      console.log(`bench: reader documents ${mode}: ${JSON.stringify(row)}`);
      results.push(row);
    } finally {
      const stopped = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
    }
  }
  console.table(results);
  fs.writeFileSync(path.join(root, 'bench-reader-documents.json'), `${JSON.stringify({ date: new Date().toISOString(), articlePath, results }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`bench-reader-documents failed: ${error.message}`);
  process.exit(1);
});
