import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './dates';
import { createIsoWithOffsetFormatter } from './iso-offset-formatter';

describe('createIsoWithOffsetFormatter', () => {
  it('matches isoWithOffset across DST changes and odd zones', () => {
    for (const zone of ['Europe/Kyiv', 'America/Los_Angeles', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) {
      const format = createIsoWithOffsetFormatter(zone);
      // Every hour and a bit over a year, which crosses both DST changes.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_601_123) {
        const date = new Date(t);
        expect(format(date), `${zone} ${date.toISOString()}`).toBe(isoWithOffset(date, zone));
      }
    }
  });

  it('is exact minute by minute around a DST change', () => {
    const format = createIsoWithOffsetFormatter('Europe/Kyiv');
    // Kyiv moves from +02:00 to +03:00 at 01:00 UTC on March 29, 2026.
    for (let t = Date.UTC(2026, 2, 28, 23); t < Date.UTC(2026, 2, 29, 3); t += 59_500) {
      expect(format(new Date(t))).toBe(isoWithOffset(new Date(t), 'Europe/Kyiv'));
    }
    expect(format(new Date(Date.UTC(2026, 2, 29, 0, 59, 59)))).toBe('2026-03-29T02:59:59+02:00');
    expect(format(new Date(Date.UTC(2026, 2, 29, 1, 0, 0)))).toBe('2026-03-29T04:00:00+03:00');
  });
});
