#!/usr/bin/env node
// npm run bench:cluster — what Redis costs one instance (docs/scaling.md, "Numbers"): the same
// data, built and served twice in one run, once alone and once with REDIS_URL, each measured with
// wrk (20 connections) on
//   - a cached article through the page cache (every look-up first reads the cluster's generation
//     from Redis in cluster mode), and
//   - the same article past the page cache (a request with an Authorization header, which the page
//     cache leaves to Next and Next ignores: it serves its stored page after reading the tags'
//     expiry, from Redis in cluster mode),
// then the instance's resident memory and Redis's. Numbers only, no pass or fail; on a busy machine
// compare the two columns of one run, not runs with each other.
//
// Data in ./bench-cluster-data (made anew; the build seeds it). Installs redis-server and wrk from
// Debian when missing (as root). BENCH_CLUSTER_SECONDS (10) is the length of each wrk run.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { wrk } from './bench-hostile.mjs';
import { ensureDebianPackages } from './debian-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench-cluster-data');
const seconds = Number(process.env.BENCH_CLUSTER_SECONDS || 10);
const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function start(command, args, env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  children.delete(child);
}

async function waitFor(url, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env, cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function residentMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
}

function redisMemory(port) {
  const out = spawnSync('redis-cli', ['-h', HOST, '-p', String(port), 'info', 'memory'], { encoding: 'utf8' }).stdout ?? '';
  const keys = spawnSync('redis-cli', ['-h', HOST, '-p', String(port), 'dbsize'], { encoding: 'utf8' }).stdout?.trim();
  return `${/used_memory_human:(\S+)/.exec(out)?.[1] ?? '?'} in ${keys} keys`;
}

async function measure(label, env, articlePath) {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const server = start(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', String(port), '-H', HOST], { ...env, NODE_ENV: 'production' });
  await waitFor(`${base}/api/health`);
  for (let i = 0; i < 20; i++) await fetch(base + articlePath).then((r) => r.arrayBuffer());
  const common = ['-t1', '-c20', `-d${seconds}s`, '--latency', '-H', 'accept-encoding: gzip'];
  const pageCache = await wrk([...common, base + articlePath]);
  const pastPageCache = await wrk([...common, '-H', 'authorization: Bearer bench', base + articlePath]);
  const memory = residentMiB(server.pid);
  await stop(server);
  return { label, pageCache, pastPageCache, memory };
}

async function main() {
  ensureDebianPackages([
    { command: 'redis-server', pkg: 'redis-server' },
    { command: 'wrk', pkg: 'wrk' },
  ]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    GAZETTE_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    GAZETTE_RATE_LIMITS: 'off',
  };
  delete env.REDIS_URL;
  delete env.PORT;

  console.log('bench:cluster: building without Redis');
  run('npm', ['run', 'build'], env);
  const conn = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  const article = conn
    .prepare(
      `SELECT s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
       WHERE a.status = 'published' AND a.kind <> 'feed' AND a.deleted_at IS NULL ORDER BY a.published_at DESC LIMIT 1`,
    )
    .get();
  conn.close();
  const articlePath = `/${article.section}/${article.slug}`;
  const alone = await measure('alone', env, articlePath);

  const redisPort = await freePort();
  const redis = start('redis-server', ['--bind', HOST, '--port', String(redisPort), '--save', '', '--appendonly', 'no'], process.env);
  await sleep(300);
  const clustered = { ...env, REDIS_URL: `redis://${HOST}:${redisPort}` };
  console.log('bench:cluster: building with REDIS_URL');
  run('npm', ['run', 'build'], clustered);
  const shared = await measure('with Redis', clustered, articlePath);
  const redisUsed = redisMemory(redisPort);
  await stop(redis);

  const row = (r) =>
    `| ${r.label} | ${r.pageCache.requestsPerSecond} | ${r.pageCache.p50ms} / ${r.pageCache.p99ms} ms | ${r.pastPageCache.requestsPerSecond} | ${r.pastPageCache.p50ms} / ${r.pastPageCache.p99ms} ms | ${r.memory} MiB |`;
  console.log(`\nOne instance, ${articlePath}, wrk 20 connections, ${seconds} s each`);
  console.log('| instance | page cache req/s | p50 / p99 | past the page cache req/s | p50 / p99 | resident memory |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(row(alone));
  console.log(row(shared));
  const ratio = (a, b) => (b.requestsPerSecond ? (a.requestsPerSecond / b.requestsPerSecond).toFixed(2) : '?');
  console.log(
    `\nwith Redis / alone: page cache ${ratio(shared.pageCache, alone.pageCache)}, past it ${ratio(shared.pastPageCache, alone.pastPageCache)}; ` +
      `added p50: page cache ${(shared.pageCache.p50ms - alone.pageCache.p50ms).toFixed(2)} ms, past it ${(shared.pastPageCache.p50ms - alone.pastPageCache.p50ms).toFixed(2)} ms; Redis used ${redisUsed}`,
  );
}

try {
  await main();
} catch (error) {
  console.error(`bench:cluster: ${error.stack ?? error.message}`);
  process.exitCode = 1;
}
