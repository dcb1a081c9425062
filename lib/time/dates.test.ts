import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  dayKey,
  formatDateTime,
  fromZonedInputValue,
  toZonedInputValue,
  formatDayHeading,
  formatMastheadDate,
  formatPublishedDate,
  formatTime,
  groupByDay,
  isoWithOffset,
  isValidTimeZone,
  nextMidnight,
  secondsUntilNextMidnight,
} from './dates';

const KYIV = DEFAULT_TIME_ZONE;
const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);

// Every expectation below is about an explicit instant and an explicit zone; running the same
// code under several server zones proves process.env.TZ plays no part.
const SERVER_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Europe/Kyiv'];
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('dayKey', () => {
  it('is the calendar day in the given zone, not in UTC', () => {
    const instant = at('2026-11-25T22:30:00Z');
    expect(dayKey(instant, KYIV)).toBe('2026-11-26');
    expect(dayKey(instant, 'UTC')).toBe('2026-11-25');
    expect(dayKey(instant, NEW_YORK)).toBe('2026-11-25');
  });

  it('does not depend on the server time zone', () => {
    for (const tz of SERVER_ZONES) {
      process.env.TZ = tz;
      expect(dayKey(at('2026-11-25T22:30:00Z'), KYIV)).toBe('2026-11-26');
      expect(dayKey(at('2026-11-25T21:59:59Z'), KYIV)).toBe('2026-11-25');
    }
  });
});

describe('formatting', () => {
  it('formats the masthead date in the newsroom zone', () => {
    expect(formatMastheadDate(at('2026-11-25T22:30:00Z'), KYIV)).toBe('Thursday, November 26, 2026');
    expect(formatMastheadDate(at('2026-11-25T22:30:00Z'), NEW_YORK)).toBe('Wednesday, November 25, 2026');
  });

  it('formats published dates and 24-hour times', () => {
    expect(formatPublishedDate(at('2026-11-26T12:05:00Z'), KYIV)).toBe('November 26, 2026');
    expect(formatTime(at('2026-11-26T12:05:00Z'), KYIV)).toBe('14:05');
    expect(formatTime(at('2026-11-25T22:05:00Z'), KYIV)).toBe('00:05');
    expect(formatTime(at('2026-07-01T08:09:00Z'), KYIV)).toBe('11:09');
  });

  it.each([
    ['2026-11-26T12:05:00Z', KYIV, 'November 26, 2026, 14:05 EET'],
    ['2026-07-01T12:05:00Z', KYIV, 'July 1, 2026, 15:05 EEST'],
    ['2026-11-26T12:05:00Z', NEW_YORK, 'November 26, 2026, 07:05 EST'],
    ['2026-07-01T12:05:00Z', 'Europe/London', 'July 1, 2026, 13:05 BST'],
    ['2026-11-26T12:05:00Z', 'UTC', 'November 26, 2026, 12:05 UTC'],
    ['2026-11-26T12:05:00Z', 'Asia/Tokyo', 'November 26, 2026, 21:05 GMT+9'],
  ])('formatDateTime(%s, %s) → %s', (iso, zone, expected) => {
    expect(formatDateTime(at(iso), zone)).toBe(expected);
  });
});

describe('formatDayHeading', () => {
  const now = at('2026-11-25T22:30:00Z'); // 00:30 on Nov 26 in Kyiv, still Nov 25 in New York

  it.each([
    ['2026-11-26', KYIV, 'Today · Thursday, November 26'],
    ['2026-11-25', KYIV, 'Yesterday · Wednesday, November 25'],
    ['2026-11-24', KYIV, 'Tuesday, November 24'],
    ['2026-01-01', KYIV, 'Thursday, January 1'],
    ['2025-09-20', KYIV, 'Saturday, September 20, 2025'],
    ['2026-11-25', NEW_YORK, 'Today · Wednesday, November 25'],
    ['2026-11-24', NEW_YORK, 'Yesterday · Tuesday, November 24'],
    ['2026-11-26', NEW_YORK, 'Thursday, November 26'],
  ])('%s in %s → %s', (key, zone, expected) => {
    expect(formatDayHeading(key, zone, now)).toBe(expected);
  });

  it('adds the year by the newsroom calendar across New Year', () => {
    const newYearInKyiv = at('2025-12-31T22:30:00Z');
    expect(formatDayHeading('2025-12-31', KYIV, newYearInKyiv)).toBe('Yesterday · Wednesday, December 31, 2025');
    expect(formatDayHeading('2025-12-30', KYIV, newYearInKyiv)).toBe('Tuesday, December 30, 2025');
    expect(formatDayHeading('2025-12-30', 'UTC', newYearInKyiv)).toBe('Yesterday · Tuesday, December 30');
    expect(formatDayHeading('2025-09-20', 'UTC', newYearInKyiv)).toBe('Saturday, September 20');
  });
});

describe('groupByDay', () => {
  const items = [
    { id: 'a', at: at('2026-11-25T22:30:00Z') },
    { id: 'b', at: at('2026-11-25T22:00:00Z') },
    { id: 'c', at: at('2026-11-25T21:59:00Z') },
    { id: 'd', at: at('2026-11-25T05:00:00Z') },
    { id: 'e', at: at('2026-11-24T03:00:00Z') },
    { id: 'f', at: at('2026-11-23T12:00:00Z') },
  ];
  const now = at('2026-11-25T22:45:00Z');
  const summarise = (zone: string) =>
    groupByDay(items, (item) => item.at, zone, now).map((group) => ({
      key: group.key,
      label: group.label,
      ids: group.items.map((item) => item.id).join(''),
    }));

  it('groups by the Kyiv calendar: after 22:00 UTC it is already tomorrow', () => {
    expect(summarise(KYIV)).toEqual([
      { key: '2026-11-26', label: 'Today · Thursday, November 26', ids: 'ab' },
      { key: '2026-11-25', label: 'Yesterday · Wednesday, November 25', ids: 'cd' },
      { key: '2026-11-24', label: 'Tuesday, November 24', ids: 'e' },
      { key: '2026-11-23', label: 'Monday, November 23', ids: 'f' },
    ]);
  });

  it('groups the same instants differently in UTC and New York', () => {
    expect(summarise('UTC')).toEqual([
      { key: '2026-11-25', label: 'Today · Wednesday, November 25', ids: 'abcd' },
      { key: '2026-11-24', label: 'Yesterday · Tuesday, November 24', ids: 'e' },
      { key: '2026-11-23', label: 'Monday, November 23', ids: 'f' },
    ]);
    expect(summarise(NEW_YORK)).toEqual([
      { key: '2026-11-25', label: 'Today · Wednesday, November 25', ids: 'abcd' },
      { key: '2026-11-23', label: 'Monday, November 23', ids: 'ef' },
    ]);
  });

  it('gives the same groups whatever the server time zone', () => {
    const expected = summarise(KYIV);
    for (const tz of SERVER_ZONES) {
      process.env.TZ = tz;
      expect(summarise(KYIV)).toEqual(expected);
    }
  });

  it('keeps input order and merges a day that comes back later', () => {
    const shuffled = [items[0]!, items[3]!, items[1]!];
    const groups = groupByDay(shuffled, (item) => item.at, KYIV, now);
    expect(groups.map((group) => group.items.map((item) => item.id))).toEqual([['a', 'b'], ['d']]);
    expect(groupByDay([], (item: { at: Date }) => item.at, KYIV, now)).toEqual([]);
  });
});

describe('nextMidnight', () => {
  it('is the first millisecond of the next day in the zone', () => {
    const midnight = nextMidnight(at('2026-11-25T12:00:00Z'), KYIV);
    expect(new Date(midnight).toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(dayKey(new Date(midnight - 1), KYIV)).toBe('2026-11-25');
    expect(dayKey(new Date(midnight), KYIV)).toBe('2026-11-26');
    expect(new Date(nextMidnight(at('2026-11-25T12:00:00Z'), NEW_YORK)).toISOString()).toBe('2026-11-26T05:00:00.000Z');
  });
});

describe('secondsUntilNextMidnight', () => {
  const HOUR = 3600;

  it('counts to midnight in the zone, not in UTC', () => {
    expect(secondsUntilNextMidnight(at('2026-11-25T21:30:00Z'), KYIV)).toBe(HOUR / 2);
    expect(secondsUntilNextMidnight(at('2026-11-25T21:30:00Z'), 'UTC')).toBe(2.5 * HOUR);
    expect(secondsUntilNextMidnight(at('2026-11-25T21:30:00Z'), NEW_YORK)).toBe(7.5 * HOUR);
  });

  it('counts a full day at midnight itself and rounds partial seconds up', () => {
    expect(secondsUntilNextMidnight(at('2026-11-25T22:00:00Z'), KYIV)).toBe(24 * HOUR);
    expect(secondsUntilNextMidnight(at('2026-11-25T21:59:59.500Z'), KYIV)).toBe(1);
  });

  it('knows 25-hour and 23-hour days (Kyiv, 2026)', () => {
    // Clocks go back at 04:00 on 25 October and forward at 03:00 on 29 March.
    expect(secondsUntilNextMidnight(at('2026-10-24T21:00:00Z'), KYIV)).toBe(25 * HOUR);
    expect(secondsUntilNextMidnight(at('2026-10-25T00:30:00Z'), KYIV)).toBe(21.5 * HOUR);
    expect(secondsUntilNextMidnight(at('2026-03-28T22:00:00Z'), KYIV)).toBe(23 * HOUR);
  });

  it('finds the start of a day whose midnight is skipped (Santiago)', () => {
    // Chile moves from 00:00 straight to 01:00 on 6 September 2026.
    expect(secondsUntilNextMidnight(at('2026-09-05T16:00:00Z'), 'America/Santiago')).toBe(12 * HOUR);
    // …and repeats 23:00–24:00 on 4 April 2026.
    expect(secondsUntilNextMidnight(at('2026-04-04T15:00:00Z'), 'America/Santiago')).toBe(13 * HOUR);
  });

  it('lands exactly on the next day in many zones', () => {
    const zones = [KYIV, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];
    const instants = ['2026-03-08T06:59:00Z', '2026-03-29T00:15:00Z', '2026-10-04T14:40:00Z', '2026-10-25T01:00:00Z'];
    for (const zone of zones) {
      for (const iso of instants) {
        const now = at(iso);
        const seconds = secondsUntilNextMidnight(now, zone);
        const midnight = new Date(now.getTime() + seconds * 1000);
        expect(dayKey(midnight, zone) > dayKey(now, zone)).toBe(true);
        expect(dayKey(new Date(midnight.getTime() - 1000), zone)).toBe(dayKey(now, zone));
      }
    }
  });
});

describe('isoWithOffset', () => {
  it.each([
    ['2026-11-26T12:05:00Z', KYIV, '2026-11-26T14:05:00+02:00'],
    ['2026-07-01T12:05:00Z', KYIV, '2026-07-01T15:05:00+03:00'],
    ['2026-11-25T22:30:00Z', KYIV, '2026-11-26T00:30:00+02:00'],
    ['2026-07-01T12:05:09.999Z', NEW_YORK, '2026-07-01T08:05:09-04:00'],
    ['2026-11-26T12:05:00Z', NEW_YORK, '2026-11-26T07:05:00-05:00'],
    ['2026-11-26T12:05:00Z', 'UTC', '2026-11-26T12:05:00+00:00'],
    ['2026-11-26T12:05:00Z', 'Asia/Kolkata', '2026-11-26T17:35:00+05:30'],
    ['2026-11-26T12:05:00Z', 'Asia/Kathmandu', '2026-11-26T17:50:00+05:45'],
    ['2026-11-26T12:05:00Z', 'America/St_Johns', '2026-11-26T08:35:00-03:30'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(isoWithOffset(at(iso), zone)).toBe(expected);
    // The string names the same instant, to the second.
    expect(new Date(expected).getTime()).toBe(Math.floor(at(iso).getTime() / 1000) * 1000);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Kyiv', true],
    ['Europe/Kiev', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['   ', false],
    ['+02:00', false],
    ['Europe/Kyiv; DROP TABLE', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('zoned datetime-local values', () => {
  it('reads a wall-clock time in the newsroom zone, whatever the server zone', () => {
    expect(fromZonedInputValue('2026-11-27T09:30', 'Europe/Kyiv')?.toISOString()).toBe('2026-11-27T07:30:00.000Z');
    expect(fromZonedInputValue('2026-07-01T09:30', 'Europe/Kyiv')?.toISOString()).toBe('2026-07-01T06:30:00.000Z');
    expect(fromZonedInputValue('2026-11-27T09:30', 'America/New_York')?.toISOString()).toBe('2026-11-27T14:30:00.000Z');
  });

  it('round-trips through toZonedInputValue', () => {
    const at = new Date('2026-03-29T10:15:00Z');
    expect(fromZonedInputValue(toZonedInputValue(at, 'Europe/Kyiv'), 'Europe/Kyiv')?.getTime()).toBe(at.getTime());
  });

  it('refuses a time skipped by the spring DST jump and garbage', () => {
    // Kyiv jumps from 03:00 to 04:00 on 2026-03-29.
    expect(fromZonedInputValue('2026-03-29T03:30', 'Europe/Kyiv')).toBeNull();
    expect(fromZonedInputValue('tomorrow', 'Europe/Kyiv')).toBeNull();
    expect(fromZonedInputValue('2026-13-40T99:99', 'Europe/Kyiv')).toBeNull();
  });

  it('takes the earlier instant in the repeated autumn hour', () => {
    // Kyiv falls back from 04:00 to 03:00 on 2026-10-25: 03:30 happens twice.
    expect(fromZonedInputValue('2026-10-25T03:30', 'Europe/Kyiv')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
