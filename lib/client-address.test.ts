import { describe, expect, it } from 'vitest';
import { decideClientAddress } from './client-address';

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
