import { describe, expect, it } from 'vitest';
import { decideClientAddress, trustedProxyHops } from './client-address';

describe('trustedProxyHops', () => {
  it('reads a count, true, or nothing', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('')).toBe(0);
    expect(trustedProxyHops('true')).toBe(1);
    expect(trustedProxyHops('2')).toBe(2);
    expect(trustedProxyHops('nonsense')).toBe(0);
  });
});

describe('decideClientAddress', () => {
  it('takes the socket address Next.js recorded when there is no proxy', () => {
    expect(decideClientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(decideClientAddress('203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('behind N trusted proxies, takes the entry the outermost proxy saw', () => {
    expect(decideClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 1)).toBe('10.0.0.2');
    expect(decideClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    expect(decideClientAddress('198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('gives null for nothing or garbage', () => {
    expect(decideClientAddress(null, 0)).toBeNull();
    expect(decideClientAddress('', 1)).toBeNull();
    expect(decideClientAddress('<script>', 0)).toBeNull();
  });
});
