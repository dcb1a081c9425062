import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './dates';
import { createIsoWithOffsetFormatter } from './iso-offset-formatter';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER_HOUR = 15 * 60_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

const suffix = (time: number, zone: string) => isoWithOffset(new Date(time), zone).slice(19);

// The UTC days of 2026 on which `zone` changes its offset: found from one look a day.
function changeDays(zone: string): number[] {
  const days: number[] = [];
  for (let day = YEAR_START; day < YEAR_END; day += DAY) {
    if (suffix(day, zone) !== suffix(day + DAY, zone)) days.push(day);
  }
  return days;
}

// The instants compared: a sparse walk through the year whose time of day drifts (one day and
// 61 minutes apart), and, on each day the offset changes, every quarter hour and the second
// before it — where the formatter stops trusting the day's offset.
function instants(zone: string): number[] {
  const times: number[] = [];
  for (let t = YEAR_START; t < YEAR_END; t += DAY + 61 * 60_000 + 7_000) times.push(t);
  for (const day of changeDays(zone)) {
    for (let t = day; t <= day + DAY; t += QUARTER_HOUR) times.push(t - 1_000, t);
  }
  return times;
}

describe('createIsoWithOffsetFormatter', () => {
  it('finds the offset changes it is checked around', () => {
    expect(changeDays('Europe/Kyiv')).toEqual([Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25)]);
    expect(changeDays('Australia/Lord_Howe')).toHaveLength(2);
    expect(changeDays('Asia/Kathmandu')).toEqual([]);
  });

  it('matches isoWithOffset through a year, across DST changes and odd zones', () => {
    const mismatches: string[] = [];
    for (const zone of ['Europe/Kyiv', 'America/Los_Angeles', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) {
      const format = createIsoWithOffsetFormatter(zone);
      for (const t of instants(zone)) {
        const date = new Date(t);
        const [got, want] = [format(date), isoWithOffset(date, zone)];
        if (got !== want) mismatches.push(`${zone} ${date.toISOString()}: ${got}, expected ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is exact minute by minute around a DST change', () => {
    const format = createIsoWithOffsetFormatter('Europe/Kyiv');
    // Kyiv moves from +02:00 to +03:00 at 01:00 UTC on March 29, 2026.
    for (let t = Date.UTC(2026, 2, 29, 0); t < Date.UTC(2026, 2, 29, 2); t += 59_500) {
      expect(format(new Date(t))).toBe(isoWithOffset(new Date(t), 'Europe/Kyiv'));
    }
    expect(format(new Date(Date.UTC(2026, 2, 29, 0, 59, 59)))).toBe('2026-03-29T02:59:59+02:00');
    expect(format(new Date(Date.UTC(2026, 2, 29, 1, 0, 0)))).toBe('2026-03-29T04:00:00+03:00');
  });
});
