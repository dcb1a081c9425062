// @ts-check
// Gazette's configuration, checked by one set of rules: every environment variable it reads,
// what a production server cannot run without, and the session key kept in the data directory.
// Plain JavaScript, so scripts/start.mjs checks the configuration before Next loads, with no
// build step; TypeScript code reaches it through platform/env.ts and platform/auth-secret.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from '../lib/time/time-zone.mjs';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every environment variable Gazette reads, in one place. */
export const environmentSchema = z.object({
  PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'a whole number between 1 and 65535')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, 'a whole number between 1 and 65535')
      .optional(),
  ),
  SITE_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://news.example.org' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  GAZETTE_DATA_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, 'at least 32 characters of random text (e.g. `openssl rand -base64 32`)').optional(),
  ),
  ADMIN_EMAIL: optionalString.pipe(z.email('an email address').optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'at least 12 characters').optional()),
  GAZETTE_TIME_ZONE: optionalString.pipe(
    z.string().refine(isValidTimeZone, 'an IANA time zone such as Europe/Kyiv').optional(),
  ),
  GAZETTE_SITE_NAME: optionalString.pipe(z.string().max(80, 'at most 80 characters').optional()),
  TRUSTED_PROXY: optionalString.pipe(
    z.string().regex(/^\d{1,2}$/, 'the number of reverse proxies in front of the app, e.g. 1').transform(Number).optional(),
  ),
  GAZETTE_MAX_UPLOAD_MB: optionalString.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a size in megabytes between 1 and 500, e.g. 20')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 500, 'a size in megabytes between 1 and 500, e.g. 20')
      .optional(),
  ),
  GAZETTE_SCHEDULER_INTERVAL_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'milliseconds between 500 and 300000, e.g. 15000')
      .transform(Number)
      .refine((n) => n >= 500 && n <= 300_000, 'milliseconds between 500 and 300000, e.g. 15000')
      .optional(),
  ),
  GAZETTE_PAGE_CACHE_MB: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'whole megabytes between 0 (off) and 4096, e.g. 64')
      .transform(Number)
      .refine((n) => n <= 4096, 'whole megabytes between 0 (off) and 4096, e.g. 64')
      .optional(),
  ),
  // The edge caches in front (Varnish, a CDN's purge endpoint): every expiry of cache tags is sent
  // to each one (server/edge-purge.ts, docs/scaling.md).
  GAZETTE_PURGE_URLS: optionalString.pipe(
    z
      .string()
      .transform((list) => list.split(',').map((u) => u.trim()).filter(Boolean))
      .pipe(
        z
          .array(z.url({ protocol: /^https?$/, error: 'comma-separated absolute http(s) URLs such as http://127.0.0.1:6081/' }))
          .min(1, 'comma-separated absolute http(s) URLs such as http://127.0.0.1:6081/')
          .max(16, 'at most 16 comma-separated URLs'),
      )
      .optional(),
  ),
  // Cluster mode: the instances share Next's caches and the tags' expiry through this Redis
  // (gateway/shared-cache-redis.mjs, docs/decisions/013-shared-next-caches-on-redis.md).
  REDIS_URL: optionalString.pipe(
    z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL such as redis://127.0.0.1:6379' }).optional(),
  ),
  GAZETTE_RATE_LIMITS: optionalString.pipe(z.enum(['on', 'off'], 'on or off').optional()),
  // Readers' renders inside Next at once / how many more may wait (gateway/admission.mjs).
  GAZETTE_RENDER_POOL: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,3}\/\d{1,4}$/, 'renders at once/waiting, e.g. 4/64 (1–64 at once, 0–1024 waiting)')
      .transform((value) => {
        const [active, queue] = value.split('/').map(Number);
        return { active: /** @type {number} */ (active), queue: /** @type {number} */ (queue) };
      })
      .refine((pool) => pool.active >= 1 && pool.active <= 64 && pool.queue <= 1024, 'renders at once/waiting, e.g. 4/64 (1–64 at once, 0–1024 waiting)')
      .optional(),
  ),
  GAZETTE_READER_DOCUMENTS: optionalString.pipe(z.enum(['on', 'off'], 'on or off').optional()),
  LOG_LEVEL: optionalString.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], 'one of fatal, error, warn, info, debug, trace').optional(),
  ),
});

/** @typedef {z.infer<typeof environmentSchema>} Environment */
/** @typedef {{ ok: true, env: Environment } | { ok: false, errors: string[] }} EnvironmentResult */

/**
 * One line per problem, naming the variable and what is expected.
 * @param {Record<string, string | undefined>} source
 * @returns {EnvironmentResult}
 */
export function parseEnvironment(source) {
  const result = environmentSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const errors = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    return `${name}=${JSON.stringify(source[name] ?? '')} is invalid: expected ${issue.message}`;
  });
  // A list (GAZETTE_PURGE_URLS) with several bad items is still one problem.
  return { ok: false, errors: [...new Set(errors)] };
}

/**
 * The server's own check at start-up: the schema, and what production cannot run without. A
 * production server signs sessions with AUTH_SECRET, shared by every instance; only `npm start`
 * (the one-machine quick start, scripts/start.mjs) takes the key kept in the data directory.
 * @param {Record<string, string | undefined>} source
 * @returns {EnvironmentResult}
 */
export function parseServerEnvironment(source) {
  const result = parseEnvironment(source);
  const missingSecret = source.NODE_ENV === 'production' && !source.AUTH_SECRET?.trim();
  if (!missingSecret) return result;
  const line =
    'AUTH_SECRET is missing: a production server needs at least 32 characters of random text (e.g. `openssl rand -base64 32`); `npm start` generates one for a single machine';
  return { ok: false, errors: [...(result.ok ? [] : result.errors), line] };
}

/**
 * Where the generated session key is kept.
 * @param {string} dataDir
 */
export function authSecretPath(dataDir) {
  return path.join(/*turbopackIgnore: true*/ dataDir, 'auth-secret');
}

/**
 * The key that signs sessions: AUTH_SECRET when set (several instances must share one),
 * otherwise a random key generated once into the data directory (mode 0600), so the embedded
 * default works with nothing configured and survives restarts. Never a constant in the code.
 * @param {Record<string, string | undefined>} source the environment
 * @param {string} dataDir
 * @returns {string}
 */
export function readAuthSecret(source, dataDir) {
  const fromEnv = source.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = authSecretPath(dataDir);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  // Written whole under a private name, then linked into place: when two processes start at once,
  // exactly one key lands (link fails with EEXIST for the other), and nobody reads a half-written
  // file, which a plain create-then-write ('wx') would let the second process see empty.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    // A file system without hard links: an exclusive create, as good as it gets there.
    if (code !== 'EEXIST') writeExclusive(file, fs.readFileSync(temp, 'utf8'));
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * @param {string} file
 * @param {string} text
 */
function writeExclusive(file, text) {
  try {
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
  }
}

