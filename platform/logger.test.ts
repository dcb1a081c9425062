import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ destination, level: 'debug' }) };
}

describe('logger', () => {
  it('writes one JSON object per line with the fields given', () => {
    const { lines, logger } = capture();
    logger.info({ requestId: 'r-1', route: '/admin/users', status: 200, durationMs: 12 }, 'admin action');
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: 30, requestId: 'r-1', route: '/admin/users', status: 200, msg: 'admin action' });
    expect(typeof entry.time).toBe('string');
  });

  it('never writes passwords, tokens or cookies, at any depth', () => {
    const { lines, logger } = capture();
    logger.info({
      password: 'hunter2-secret-password',
      user: { email: 'a@example.org', passwordHash: '$argon2id$abc' },
      headers: { cookie: 'authjs.session-token=eyJsecret', authorization: 'Bearer abc.def' },
      link: { token: 'one-time-token-value' },
    });
    const text = lines.join('');
    for (const secret of ['hunter2-secret-password', '$argon2id$abc', 'eyJsecret', 'Bearer abc.def', 'one-time-token-value']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('a@example.org');
    expect(text).toContain('[redacted]');
  });
});
