import { describe, expect, it } from 'vitest';
import { decideThrottle, describeWait, THROTTLE_WINDOW_MS } from './throttle';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const ago = (...minutes: number[]) => minutes.map((m) => NOW - m * MIN);

describe('decideThrottle', () => {
  it('lets four failures through and holds the fifth', () => {
    expect(decideThrottle({ account: ago(1, 2, 3, 4), address: [] }, NOW)).toEqual({ allowed: true });
    const held = decideThrottle({ account: ago(1, 2, 3, 4, 5), address: [] }, NOW);
    expect(held).toEqual({ allowed: false, retryAfterMs: THROTTLE_WINDOW_MS - 5 * MIN });
  });

  it('counts an address on its own, across accounts', () => {
    expect(decideThrottle({ account: [], address: ago(0, 0, 1, 1, 2) }, NOW).allowed).toBe(false);
  });

  it('forgets failures older than 15 minutes', () => {
    expect(decideThrottle({ account: ago(1, 2, 3, 4, 15, 16), address: [] }, NOW)).toEqual({ allowed: true });
  });

  it('waits until the fifth-newest failure leaves the window, taking the longer of both', () => {
    const held = decideThrottle({ account: ago(1, 2, 3, 4, 10, 11), address: ago(0, 0, 0, 0, 1) }, NOW);
    expect(held).toEqual({ allowed: false, retryAfterMs: 14 * MIN });
  });
});

describe('describeWait', () => {
  it('says how long, in whole minutes, never zero', () => {
    expect(describeWait(14 * MIN)).toMatch(/wait 14 minutes/);
    expect(describeWait(1000)).toMatch(/wait 1 minute and/);
  });
});
