#!/usr/bin/env node
// npm run test:cluster — the cluster topology of docs/scaling.md run for real on 127.0.0.1:
// Redis, two instances (scripts/start.mjs) on one data folder, nginx in front of them and
// Varnish in front of nginx, then four checks, each printing PASS or FAIL with its numbers:
//
//   a. staleness   a publish through instance A is visible at once through B, nginx and Varnish
//                  (article, home, section front, RSS, news sitemap), five times; a headline edit
//                  too; an unpublish is a 404 everywhere
//   b. purge       a publish purges only the pages that show the article from Varnish
//   c. failover    GETs through nginx (20 connections) while instance B is SIGKILLed and restarted,
//                  then A is stopped with SIGTERM: none fails; no POST hangs
//   d. redis down  GETs through nginx with Redis stopped all answer 200; after Redis is back a
//                  publish through A is visible through B
//   e. scheduler   articles due at once are published once each; when the lease holder is
//                  SIGKILLed the other instance takes over and publishes what falls due
//
// It builds once into its own data folder (./test-data-cluster, made anew each run), installs
// redis-server, nginx, varnish and varnish-modules with apt when they are missing (as root on
// Debian, like scripts/ensure-browser.mjs), stops everything it started whatever happens, and
// gives up after CLUSTER_TIMEOUT_S (600) seconds. Exit code 1 when a check fails.
// Scheduler takeover and concurrent migrations have their own tests (docs/scaling.md).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';
import { ensureDebianPackages } from './debian-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'test-data-cluster');
const logDir = path.join(dataDir, 'logs');
const timeoutSeconds = Number(process.env.CLUSTER_TIMEOUT_S || 600);
const HOST = '127.0.0.1';

const children = new Map(); // name -> ChildProcess, each the leader of its own process group
const results = [];

function log(message) {
  console.log(`test-cluster: ${message}`);
}

function record(name, pass, numbers) {
  results.push({ name, pass, numbers });
  console.log(`${pass ? 'PASS' : 'FAIL'} ${name}: ${numbers}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- processes -------------------------------------------------------------------------------

function start(name, command, args, env = process.env) {
  const out = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  children.set(name, child);
  child.on('exit', () => {
    if (children.get(name) === child) children.delete(name);
  });
  return child;
}

/** Signals the whole process group of `name` and waits for its leader to exit. */
async function stop(name, signal = 'SIGTERM') {
  const child = children.get(name);
  if (!child) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return;
  }
  await Promise.race([exited, sleep(10_000)]);
  children.delete(name);
}

function stopAllNow() {
  for (const child of children.values()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

process.on('exit', stopAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAllNow();
    process.exit(1);
  });
}

/** Runs a step to its end in its own process group, so a signal or the deadline stops all of it. */
function run(command, args, { env = process.env, input } = {}) {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'] });
  children.set('step', child);
  if (input !== undefined) child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      children.delete('step');
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`));
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}


function ensurePackages() {
  ensureDebianPackages(
    [
      { command: 'redis-server', pkg: 'redis-server' },
      { command: 'nginx', pkg: 'nginx' },
      { command: 'varnishd', pkg: 'varnish' },
      { pkg: 'varnish-modules' },
    ],
    log,
  );
}

async function waitFor(url, { ms = 60_000, ok = (r) => r.ok } = {}) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (ok(res)) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

function redisPing(port) {
  return spawnSync('redis-cli', ['-h', HOST, '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
}

async function waitForRedis(port) {
  for (let i = 0; i < 100; i++) {
    if (redisPing(port)) return;
    await sleep(100);
  }
  throw new Error(`redis on ${port} did not answer`);
}

// ---- the cluster -----------------------------------------------------------------------------

const ports = {};
let env;
let base; // name -> base URL

function startRedis() {
  start('redis', 'redis-server', ['--bind', HOST, '--port', String(ports.redis), '--save', '', '--appendonly', 'no', '--daemonize', 'no']);
  return waitForRedis(ports.redis);
}

function startInstance(name) {
  start(name, process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', String(ports[name]), '-H', HOST], env);
  return waitFor(`http://${HOST}:${ports[name]}/api/health`, { ms: 90_000 });
}

function writeNginxConfig() {
  const dir = path.join(dataDir, 'nginx');
  fs.mkdirSync(dir, { recursive: true });
  // Workers drop to an unprivileged user, which must reach the temp folders.
  fs.chmodSync(dataDir, 0o755);
  fs.chmodSync(dir, 0o755);
  // deploy/nginx/gazette.conf's upstream and proxy settings, behind Varnish: plain http on
  // 127.0.0.1, X-Forwarded-Proto as Varnish passed it (docs/scaling.md, Topology).
  const conf = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream gazette {
    server ${HOST}:${ports.A} max_fails=3 fail_timeout=5s;
    server ${HOST}:${ports.B} max_fails=3 fail_timeout=5s;
    keepalive 32;
    keepalive_timeout 4s;
  }
  server {
    listen ${HOST}:${ports.nginx};
    client_max_body_size 21m;
    gzip off;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    # $http_host keeps the port (the shipped file listens on 443, where $host is the same).
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
    proxy_set_header X-Forwarded-Port "";
    proxy_set_header X-Real-IP "";
    proxy_set_header Forwarded "";
    proxy_connect_timeout 1s;
    proxy_read_timeout 60s;
    proxy_send_timeout 60s;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 10s;
    location / { proxy_pass http://gazette; }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  return dir;
}

function writeVcl() {
  const dir = path.join(dataDir, 'varnish');
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  let vcl = fs.readFileSync(path.join(root, 'deploy', 'varnish', 'gazette.vcl'), 'utf8');
  // One backend, nginx, instead of one per instance (docs/scaling.md, Topology).
  vcl = vcl
    .replace(/backend gazette_2 \{[^}]*\}\n\n/, '')
    .replace(/\s*gazette\.add_backend\(gazette_2\);/, '')
    .replace('.port = "3000";', `.port = "${ports.nginx}";`);
  if (vcl.includes('gazette_2') || !vcl.includes(`"${ports.nginx}"`)) throw new Error('deploy/varnish/gazette.vcl changed shape: update writeVcl()');
  fs.writeFileSync(path.join(dir, 'gazette.vcl'), vcl);
  return dir;
}

// ---- HTTP helpers ----------------------------------------------------------------------------

async function get(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

let cookie;
/** The newsroom API of instance A (or `via`), signed in as the admin. */
async function api(method, urlPath, body, via = 'A') {
  const res = await fetch(`${base[via]}${urlPath}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: `authjs.session-token=${cookie}`, Origin: base[via] },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

function db() {
  const conn = new Database(path.join(dataDir, 'gazette.db'));
  conn.pragma('busy_timeout = 5000');
  return conn;
}

function one(sql, ...params) {
  const conn = db();
  try {
    return conn.prepare(sql).get(...params);
  } finally {
    conn.close();
  }
}

function all(sql, ...params) {
  const conn = db();
  try {
    return conn.prepare(sql).all(...params);
  } finally {
    conn.close();
  }
}

/** A session cookie for the admin, as e2e/auth-fixtures.ts mintSessionCookie makes one. */
async function signIn(email) {
  const conn = db();
  let user;
  let sid;
  try {
    user = conn.prepare('SELECT id, name, role, session_version AS sv FROM users WHERE email = ?').get(email);
    sid = randomBytes(32).toString('base64url');
    conn
      .prepare('INSERT INTO user_sessions (id, user_id, created_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?)')
      .run(createHash('sha256').update(sid, 'utf8').digest('hex'), user.id, Date.now(), Date.now() + 3_600_000, 'test-cluster');
  } finally {
    conn.close();
  }
  return encode({
    salt: 'authjs.session-token',
    secret: env.AUTH_SECRET,
    maxAge: 3600,
    token: { sub: String(user.id), name: user.name, email, uid: user.id, sv: user.sv, role: user.role, sid },
  });
}

let articleCount = 0;
let fixture;

/** Creates a draft through A's newsroom API and publishes it; returns its URL and the publish time. */
async function publishNew(label) {
  articleCount += 1;
  const slug = `cluster-check-${label}-${Date.now().toString(36)}-${articleCount}`;
  const title = `Cluster check ${label} ${articleCount} ${randomBytes(3).toString('hex')}`;
  const input = {
    title,
    slug,
    sectionId: fixture.section.id,
    kind: 'news',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Published by the cluster check: ${title}.` }] }] },
    bylineIds: [fixture.bylineId],
    tagIds: [fixture.tag.id],
  };
  const created = await api('POST', '/api/admin/articles', { article: input });
  const id = created.id ?? created.article?.id;
  const version = created.version ?? created.article?.version;
  const started = performance.now();
  await api('POST', `/api/admin/articles/${id}/workflow`, { version, to: 'published' });
  return { id, input, title, urlPath: `/${fixture.section.slug}/${slug}`, started, ackMs: performance.now() - started };
}

/** A new headline for a published article, saved through A's newsroom API as the editor does. */
async function editHeadline(article) {
  const title = `${article.title} updated ${randomBytes(3).toString('hex')}`;
  const { version } = one('SELECT version FROM articles WHERE id = ?', article.id);
  const started = performance.now();
  await api('PUT', `/api/admin/articles/${article.id}`, { version, substantive: false, article: { ...article.input, title } });
  return { ...article, title, input: { ...article.input, title }, started, ackMs: performance.now() - started };
}

async function unpublish(article) {
  const row = one('SELECT version FROM articles WHERE id = ?', article.id);
  await api('POST', `/api/admin/articles/${article.id}/workflow`, { version: row.version, to: 'unpublished', reason: 'The cluster check takes it down again.' });
}

const ROUTES = ['B', 'nginx', 'varnish'];
const listPaths = () => ['/', `/${fixture.section.slug}`, '/rss.xml', '/news-sitemap.xml'];
const ROUNDS = 5;

function shows(page, article, urlPath) {
  if (urlPath === article.urlPath) return page.status === 200 && page.text.includes(escapeHtml(article.title));
  return page.status === 200 && page.text.includes(`${article.urlPath}`);
}

/** Every list shows the article under its current headline. */
function showsHeadline(page, article) {
  return page.status === 200 && page.text.includes(escapeHtml(article.title));
}

const pageName = (article, p) =>
  ({ [article.urlPath]: 'article', '/': 'home', '/rss.xml': 'rss', '/news-sitemap.xml': 'news sitemap' })[p] ?? 'section';

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Polls one page until `fresh` holds: how many answers were stale, and when it became fresh. */
async function untilFresh(url, fresh, started, ms = 15_000) {
  let stale = 0;
  let firstStale = null;
  for (;;) {
    const page = await get(url);
    if (fresh(page)) return { stale, ms: Math.round(performance.now() - started), page, firstStale };
    stale += 1;
    firstStale ??= page;
    if (performance.now() - started > ms) return { stale, ms: null, page, firstStale };
    await sleep(50);
  }
}

// ---- the checks ------------------------------------------------------------------------------

async function checkStaleness() {
  let stale = 0;
  let invisible = 0;
  const worst = {};
  let last;
  for (let round = 1; round <= ROUNDS; round++) {
    // Every cache on every path holds the page as it was before the publish.
    for (const route of ROUTES) for (const p of listPaths()) await get(base[route] + p);
    const article = await publishNew(`round${round}`);
    last = article;
    const checks = [];
    for (const route of ROUTES) {
      for (const p of [article.urlPath, ...listPaths()]) {
        checks.push(
          untilFresh(base[route] + p, (page) => shows(page, article, p), article.started).then((r) => {
            stale += r.stale;
            if (r.ms === null) invisible += 1;
            const key = `${route} ${pageName(article, p)}`;
            worst[key] = Math.max(worst[key] ?? 0, r.ms ?? Infinity);
          }),
        );
      }
    }
    await Promise.all(checks);
    log(`round ${round}: publish acknowledged in ${Math.round(article.ackMs)} ms`);
  }
  const summary = Object.entries(worst)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ');
  record(
    `a. publish visible across instances (${ROUNDS} rounds, ${ROUTES.length * (listPaths().length + 1)} pages each)`,
    stale === 0 && invisible === 0,
    `${stale} stale answers, ${invisible} never visible; worst publish→visible: ${summary}`,
  );

  // A new headline on the last one: every page that shows it shows the new one.
  for (const route of ROUTES) for (const p of [last.urlPath, ...listPaths()]) await get(base[route] + p);
  last = await editHeadline(last);
  let staleEdits = 0;
  const staleWhere = [];
  const editedMs = {};
  await Promise.all(
    ROUTES.flatMap((route) =>
      [last.urlPath, ...listPaths()].map((p) =>
        untilFresh(base[route] + p, (page) => showsHeadline(page, last), last.started).then((r) => {
          staleEdits += r.stale;
          if (r.stale) staleWhere.push(`${route} ${pageName(last, p)} ×${r.stale} (${['x-edge-cache', 'x-gazette-cache', 'x-nextjs-cache', 'age'].map((h) => `${h}: ${r.firstStale.headers.get(h)}`).join(' ')})`);
          editedMs[route] = Math.max(editedMs[route] ?? 0, r.ms ?? Infinity);
        }),
      ),
    ),
  );
  record(
    'a. headline edit visible across instances',
    staleEdits === 0 && ROUTES.every((r) => editedMs[r] !== Infinity),
    `${staleEdits} stale answers${staleWhere.length ? ` (${staleWhere.join(', ')})` : ''}; saved in ${Math.round(last.ackMs)} ms; worst edit→visible: ${ROUTES.map((r) => `${r} ${editedMs[r]} ms`).join(', ')}`,
  );

  // Unpublish the last one: gone everywhere.
  const started = performance.now();
  await unpublish(last);
  let lingering = 0;
  const goneMs = {};
  await Promise.all(
    ROUTES.flatMap((route) =>
      [last.urlPath, ...listPaths()].map((p) =>
        untilFresh(
          base[route] + p,
          (page) => (p === last.urlPath ? page.status === 404 || page.status === 410 : page.status === 200 && !page.text.includes(last.urlPath)),
          started,
        ).then((r) => {
          lingering += r.stale;
          goneMs[route] = Math.max(goneMs[route] ?? 0, r.ms ?? Infinity);
          if (p === last.urlPath) goneMs[`${route} status`] = r.page.status;
        }),
      ),
    ),
  );
  const gone = ROUTES.every((r) => goneMs[r] !== Infinity);
  record(
    'a. unpublish gone everywhere',
    lingering === 0 && gone,
    `${lingering} stale answers; article status ${ROUTES.map((r) => `${r} ${goneMs[`${r} status`]}`).join(', ')}; worst gone after ${ROUTES.map((r) => `${r} ${goneMs[r]} ms`).join(', ')}`,
  );
}

function edgeObjects() {
  const out = spawnSync('varnishstat', ['-n', path.join(dataDir, 'varnish', 'work'), '-1', '-f', 'MAIN.n_object'], { encoding: 'utf8' }).stdout ?? '';
  return Number(/MAIN\.n_object\s+(\d+)/.exec(out)?.[1] ?? NaN);
}

async function checkPurge() {
  const v = base.varnish;
  const unrelated = [`/tag/${fixture.otherTag.slug}`, fixture.otherArticle];
  // The lists it joins: home, its section, its tag's page, the feed and the news sitemap.
  const related = [...listPaths(), `/tag/${fixture.tag.slug}`];
  const before = [];
  for (const p of [...unrelated, ...related]) {
    await get(v + p);
    before.push(`${p} ${(await get(v + p)).headers.get('x-edge-cache')}`);
  }
  await sleep(1100); // so a kept page's Age is at least 1
  const objectsBefore = edgeObjects();
  const article = await publishNew('purge');
  await sleep(1000); // the purge is sent in the background (server/edge-purge.ts)
  const objectsAfter = edgeObjects();
  const kept = [];
  let allKept = true;
  for (const p of unrelated) {
    const page = await get(v + p);
    const age = Number(page.headers.get('age') ?? 0);
    allKept &&= page.headers.get('x-edge-cache') === 'HIT' && age > 0;
    kept.push(`${p} ${page.headers.get('x-edge-cache')} age ${age}`);
  }
  const purged = [];
  let allPurged = true;
  for (const p of related) {
    const page = await get(v + p);
    const fresh = page.headers.get('x-edge-cache') === 'MISS' && shows(page, article, p);
    allPurged &&= fresh;
    purged.push(`${p} ${page.headers.get('x-edge-cache')}${shows(page, article, p) ? ' showing it' : ' NOT showing it'}`);
  }
  const objects = `edge objects ${objectsBefore} before the publish, ${objectsAfter} after`;
  record('b. publish purges the pages showing the article', allPurged, `${purged.join('; ')} (before: ${before.slice(unrelated.length).join(', ')})`);
  record('b. publish keeps unrelated pages at the edge', allKept, `${kept.join('; ')} (before: ${before.slice(0, unrelated.length).join(', ')}); ${objects}`);
}

async function checkFailover() {
  const paths = ['/', `/${fixture.section.slug}`, fixture.otherArticle, '/rss.xml', `/tag/${fixture.otherTag.slug}`];
  let sent = 0;
  let failed = 0;
  const failures = {};
  let done = false;
  const worker = async (n) => {
    for (let i = n; !done; i++) {
      sent += 1;
      try {
        const page = await get(base.nginx + paths[i % paths.length]);
        if (page.status !== 200) {
          failed += 1;
          failures[page.status] = (failures[page.status] ?? 0) + 1;
        }
      } catch (error) {
        failed += 1;
        failures[error.name] = (failures[error.name] ?? 0) + 1;
      }
    }
  };
  // Writes never go to a second instance (nginx retries only idempotent requests): a POST whose
  // instance dies answers at once with an error status instead of hanging until a timeout.
  const posts = { answered: 0, hung: 0, statuses: {}, errors: {} };
  const poster = async () => {
    while (!done) {
      const started = performance.now();
      try {
        const res = await fetch(`${base.nginx}/api/views`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain', Origin: base.nginx, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36' },
          body: JSON.stringify({ articleId: 1 }),
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer();
        posts.answered += 1;
        posts.statuses[res.status] = (posts.statuses[res.status] ?? 0) + 1;
      } catch (error) {
        // Hung: no answer until the time-out. A connection closed at once (a kept-alive
        // connection nginx closed as the request went out, say) is an answer too, if not a status.
        if (error?.name === 'TimeoutError' || performance.now() - started >= 14_000) posts.hung += 1;
        else {
          const code = error?.cause?.code ?? error?.name ?? 'Error';
          posts.errors[code] = (posts.errors[code] ?? 0) + 1;
        }
      }
      await sleep(20);
    }
  };
  const steps = [];
  const operator = (async () => {
    await sleep(4000);
    await stop('B', 'SIGKILL');
    steps.push('B SIGKILLed');
    await sleep(3000);
    const restarted = performance.now();
    await startInstance('B');
    steps.push(`B restarted in ${Math.round(performance.now() - restarted)} ms`);
    // nginx marks a failed instance down for fail_timeout (5 s) and tries it again only then: a
    // rolling restart waits that long after an instance is healthy before stopping the next.
    await sleep(6000);
    await stop('A', 'SIGTERM');
    steps.push('A stopped (SIGTERM)');
    await sleep(4000);
    done = true;
  })();
  const began = performance.now();
  await Promise.all([...Array.from({ length: 20 }, (_, n) => worker(n)), poster(), poster(), operator]);
  const seconds = Math.round((performance.now() - began) / 1000);
  log(`failover: ${steps.join(', ')}`);
  record(
    'c. failover through nginx: B SIGKILLed and restarted, then A SIGTERMed',
    failed === 0 && posts.hung === 0,
    `${sent} GETs on 20 connections in ${seconds} s, ${failed} failed${failed ? ` ${JSON.stringify(failures)}` : ''}; ` +
      `${posts.answered} beacon POSTs answered ${JSON.stringify(posts.statuses)}` +
        `${Object.keys(posts.errors).length ? `, connection errors at once ${JSON.stringify(posts.errors)}` : ''}, ${posts.hung} hung; ${steps.join(', ')}`,
  );
  await startInstance('A');
}

/** A time the schedule form accepts in any newsroom time zone: two days ahead. */
function futureInput() {
  return new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
}

/** Schedules `count` new articles through A's API, then brings their time forward to `dueAt` (ms). */
async function scheduleDue(count, label, dueAt, via = 'A') {
  const ids = [];
  for (let i = 0; i < count; i++) {
    articleCount += 1;
    const slug = `cluster-scheduled-${label}-${Date.now().toString(36)}-${articleCount}`;
    const created = await api('POST', '/api/admin/articles', {
      article: {
        title: `Cluster scheduled ${label} ${articleCount}`,
        slug,
        sectionId: fixture.section.id,
        kind: 'news',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Scheduled by the cluster check.' }] }] },
        bylineIds: [fixture.bylineId],
        tagIds: [fixture.tag.id],
      },
    }, via);
    const id = created.id ?? created.article?.id;
    await api('POST', `/api/admin/articles/${id}/workflow`, { version: created.version ?? created.article?.version, to: 'scheduled', scheduledAt: futureInput() }, via);
    ids.push(id);
  }
  // The form takes whole minutes on the newsroom's clock; the check brings them to `dueAt`.
  const conn = db();
  try {
    conn.prepare(`UPDATE articles SET scheduled_at = ? WHERE id IN (${ids.map(() => '?').join(',')})`).run(dueAt, ...ids);
  } finally {
    conn.close();
  }
  return ids;
}

/** Waits until every article is published (or `ms` passes); how long it took, null if never. */
async function untilPublished(ids, started, ms) {
  while (performance.now() - started < ms) {
    const live = one(`SELECT count(*) AS n FROM articles WHERE status = 'published' AND id IN (${ids.map(() => '?').join(',')})`, ...ids).n;
    if (live === ids.length) return Math.round(performance.now() - started);
    await sleep(250);
  }
  return null;
}

const publishCounts = (ids) =>
  ids.map((id) => one("SELECT count(*) AS n FROM audit_log WHERE action = 'article.publish' AND target_id = ?", String(id)).n);

async function checkScheduler() {
  // N due at once: published exactly once each, by whichever instance holds the lease.
  const N = 6;
  const first = await scheduleDue(N, 'batch', Date.now() + 2_000);
  const started = performance.now();
  const tookMs = await untilPublished(first, started, 60_000);
  await sleep(16_000); // one more tick of every instance: nothing is published twice
  const counts = publishCounts(first);
  const lease = one("SELECT holder, last_failed_count AS failed FROM scheduler_lease WHERE name = 'publish-due'");
  record(
    `e. scheduler: ${N} articles due at once`,
    tookMs !== null && counts.every((n) => n === 1) && lease?.failed === 0,
    `published ${counts.filter((n) => n > 0).length} of ${N} in ${tookMs} ms, publish entries per article ${JSON.stringify(counts)}, ${lease?.failed} failed; lease held by ${lease?.holder}`,
  );

  // The holder dies: the other instance takes the lease when it lapses and publishes what is due.
  const holder = lease?.holder;
  const names = [];
  for (const name of ['A', 'B']) {
    const health = await (await fetch(`${base[name]}/api/health`)).json();
    if (health.checks?.scheduler?.instance === holder) names.push(name);
  }
  const leader = names[0];
  if (!leader) {
    record('e. scheduler: takeover when the leader is killed', false, `no instance reports holding the lease (${holder})`);
    return;
  }
  const survivor = leader === 'A' ? 'B' : 'A';
  await stop(leader, 'SIGKILL');
  const killedAt = performance.now();
  const second = await scheduleDue(2, 'takeover', Date.now() + 1_000, survivor);
  const takeoverMs = await untilPublished(second, killedAt, 120_000);
  const newHolder = one("SELECT holder FROM scheduler_lease WHERE name = 'publish-due'").holder;
  await startInstance(leader);
  record(
    'e. scheduler: takeover when the leader is killed',
    takeoverMs !== null && newHolder !== holder && publishCounts(second).every((n) => n === 1),
    `${leader} (the holder) SIGKILLed; ${survivor} published both due articles ${takeoverMs} ms later (lease 45 s, tick 15 s); new holder ${newHolder}`,
  );
}

async function checkRedisDown() {
  await stop('redis');
  const articles = all(
    `SELECT s.slug AS section, a.slug AS slug FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.kind <> 'feed' AND a.deleted_at IS NULL ORDER BY a.id LIMIT 20 OFFSET 5`,
  );
  const statuses = {};
  let ok = 0;
  const started = performance.now();
  for (const a of articles) {
    const page = await get(`${base.nginx}/${a.section}/${a.slug}`);
    statuses[page.status] = (statuses[page.status] ?? 0) + 1;
    if (page.status === 200) ok += 1;
  }
  const took = Math.round(performance.now() - started);
  record('d. GETs through nginx with Redis stopped', ok === articles.length && articles.length === 20, `${ok}/${articles.length} answered 200 in ${took} ms ${JSON.stringify(statuses)}`);
  await startRedis();
  // The instances reconnect on their own; give them a moment to notice.
  await sleep(2000);
  const article = await publishNew('after-redis');
  const direct = await untilFresh(base.B + article.urlPath, (page) => shows(page, article, article.urlPath), article.started);
  const home = await untilFresh(`${base.B}/`, (page) => shows(page, article, '/'), article.started);
  const said = (name, text) => fs.readFileSync(path.join(logDir, `${name}.log`), 'utf8').includes(text);
  const logs = ['A', 'B'].map((n) => `${n} logged unreachable ${said(n, 'Redis unreachable')}, back ${said(n, 'Redis is back')}`).join('; ');
  record(
    'd. publish after Redis is back visible through B',
    direct.stale === 0 && home.stale === 0 && direct.ms !== null && home.ms !== null,
    `article ${direct.ms} ms (${direct.stale} stale), home ${home.ms} ms (${home.stale} stale); ${logs}`,
  );
}

// ---- main ------------------------------------------------------------------------------------

async function main() {
  const began = performance.now();
  ensurePackages();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  for (const name of ['redis', 'A', 'B', 'nginx', 'varnish']) ports[name] = await freePort();
  base = Object.fromEntries(['A', 'B', 'nginx', 'varnish'].map((n) => [n, `http://${HOST}:${ports[n]}`]));
  env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    GAZETTE_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    REDIS_URL: `redis://${HOST}:${ports.redis}`,
    SITE_URL: base.varnish,
    GAZETTE_PURGE_URLS: `${base.varnish}/`,
    TRUSTED_PROXY: '2',
    GAZETTE_RATE_LIMITS: 'off',
  };
  delete env.PORT;
  log(`ports: ${JSON.stringify(ports)}; data in ${dataDir}, logs in ${logDir}`);

  await startRedis();
  log('building against the cluster data folder (npm run build seeds it)');
  const buildEnv = { ...env };
  delete buildEnv.NODE_ENV;
  await run('npm', ['run', 'build'], { env: buildEnv });
  const email = 'cluster-admin@gazette.test';
  await run('npm', ['run', 'user', '--', 'create', '--email', email, '--role', 'admin', '--password-stdin'], {
    env,
    input: `cluster-${randomBytes(8).toString('hex')}\n`,
  });
  cookie = await signIn(email);

  const section = one(
    `SELECT s.id, s.slug FROM sections s JOIN articles a ON a.section_id = s.id
     WHERE s.slug <> 'news-feed' AND a.status = 'published' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
  );
  const tag = one('SELECT id, slug FROM tags ORDER BY id LIMIT 1');
  const otherTag = one('SELECT t.id, t.slug FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE t.id <> ? GROUP BY t.id ORDER BY t.id DESC LIMIT 1', tag.id);
  const bylineId = one('SELECT id FROM bylines ORDER BY id LIMIT 1').id;
  // Unrelated to the stories the checks publish: another section, and not carrying their tag (an
  // article's "Related stories" list reads its tags' lists, so a publish under a shared tag
  // rightly purges it).
  const other = one(
    `SELECT s.slug AS section, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.kind <> 'feed' AND a.section_id <> ? AND a.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id = ?)
     ORDER BY a.published_at LIMIT 1`,
    section.id,
    tag.id,
  );
  fixture = { section, tag, otherTag, bylineId, otherArticle: `/${other.section}/${other.slug}` };
  log(`fixture: ${JSON.stringify(fixture)}`);

  await Promise.all([startInstance('A'), startInstance('B')]);
  const nginxDir = writeNginxConfig();
  start('nginx', 'nginx', ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-e', path.join(nginxDir, 'error.log')]);
  await waitFor(`${base.nginx}/api/health`, { ms: 15_000 });
  const varnishDir = writeVcl();
  start('varnish', 'varnishd', ['-F', '-n', path.join(varnishDir, 'work'), '-a', `${HOST}:${ports.varnish}`, '-f', path.join(varnishDir, 'gazette.vcl'), '-s', 'malloc,64m']);
  await waitFor(`${base.varnish}/`, { ms: 30_000 });
  log(`cluster up after ${Math.round((performance.now() - began) / 1000)} s`);

  // Which tags each unrelated page carries, from B directly (Varnish strips them).
  for (const p of [`/tag/${otherTag.slug}`, fixture.otherArticle]) {
    const page = await get(base.B + p);
    log(`${p} carries xkey: ${page.headers.get('xkey')}`);
  }

  for (const check of [checkStaleness, checkPurge, checkFailover, checkScheduler, checkRedisDown]) {
    try {
      await check();
    } catch (error) {
      record(check.name, false, `threw: ${error.message}`);
    }
  }

  console.log('\nCluster check summary');
  console.log('| check | result | numbers |');
  console.log('| --- | --- | --- |');
  for (const r of results) console.log(`| ${r.name} | ${r.pass ? 'PASS' : 'FAIL'} | ${r.numbers} |`);
  console.log(`\ntotal ${Math.round((performance.now() - began) / 1000)} s; scheduler takeover and concurrent migrations: see their own tests`);
}

const deadline = setTimeout(() => {
  console.error(`test-cluster: gave up after ${timeoutSeconds} s`);
  stopAllNow();
  process.exit(1);
}, timeoutSeconds * 1000);

let code = 0;
try {
  await main();
  code = results.length > 0 && results.every((r) => r.pass) ? 0 : 1;
} catch (error) {
  console.error(`test-cluster: ${error.stack ?? error.message}`);
  code = 1;
} finally {
  for (const name of ['varnish', 'nginx', 'A', 'B', 'redis']) await stop(name);
  stopAllNow();
  clearTimeout(deadline);
}
process.exit(code);
