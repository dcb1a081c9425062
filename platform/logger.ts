import pino, { type Logger } from 'pino';

// Structured JSON logs on stdout (one object per line) for machines; readable
// lines in development. Secrets never reach a log line: these paths are
// replaced wherever they appear, and callers log ids, not payloads.
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'sessionToken',
];

export function createLogger(options: { level?: string; pretty?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers["${key}"]`, `req.headers["${key}"]`]);
  const base: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: 'gazette' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    // A synchronous pretty stream: no worker thread, which Next's bundler cannot follow.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (o: object) => pino.DestinationStream;
    return pino(base, pretty({ colorize: true, sync: true }));
  }
  return pino(base);
}

const globalForLogger = globalThis as unknown as { gazetteLogger?: Logger };

export function getLogger(): Logger {
  globalForLogger.gazetteLogger ??= createLogger({ pretty: process.env.NODE_ENV === 'development' });
  return globalForLogger.gazetteLogger;
}
