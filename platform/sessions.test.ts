import { describe, expect, it } from 'vitest';
import {
  describeUserAgent,
  SESSION_KEEP_AFTER_EXPIRY_MS,
  SESSION_TTL_MS,
  sessionExpiresAt,
  sessionPruneBefore,
  storedUserAgent,
  USER_AGENT_MAX_LENGTH,
} from './sessions';

describe('session times', () => {
  it('expire twelve hours after sign-in, like the cookie', () => {
    expect(SESSION_TTL_MS).toBe(12 * 60 * 60 * 1000);
    expect(sessionExpiresAt(1_000).getTime()).toBe(1_000 + SESSION_TTL_MS);
  });

  it('are pruned a day after they expired', () => {
    const now = Date.UTC(2026, 10, 3, 12);
    expect(sessionPruneBefore(now).getTime()).toBe(now - SESSION_KEEP_AFTER_EXPIRY_MS);
    expect(SESSION_KEEP_AFTER_EXPIRY_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe('storedUserAgent', () => {
  it('keeps at most 200 characters, without control characters', () => {
    expect(storedUserAgent('x'.repeat(500))).toHaveLength(USER_AGENT_MAX_LENGTH);
    expect(storedUserAgent(' Mozilla/5.0\r\n(X11)\u0000 ')).toBe('Mozilla/5.0(X11)');
  });

  it('stores nothing for a missing or empty header', () => {
    expect(storedUserAgent(null)).toBeNull();
    expect(storedUserAgent(undefined)).toBeNull();
    expect(storedUserAgent('  \t ')).toBeNull();
  });
});

describe('describeUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox on Linux');
    expect(
      describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'),
    ).toBe('Edge on Windows');
    expect(
      describeUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36'),
    ).toBe('Chrome on Android');
    expect(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari on iOS');
    expect(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'),
    ).toBe('Safari on macOS');
  });

  it('falls back to the header itself, shortened, or says it does not know', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
    expect(describeUserAgent(`${'y'.repeat(100)}`)).toHaveLength(60);
    expect(describeUserAgent(null)).toBe('Unknown browser');
  });
});
