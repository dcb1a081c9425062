import { describe, expect, it } from 'vitest';
import { nextDayKey, parseSearchRequest, searchHref, startOfZonedDay } from './search-params';

describe('parseSearchRequest', () => {
  it('reads valid filters', () => {
    expect(parseSearchRequest({ q: ' bridge ', section: 'city', from: '2026-11-01', to: '2026-11-20', page: '2' })).toEqual({
      q: 'bridge',
      section: 'city',
      from: '2026-11-01',
      to: '2026-11-20',
      page: 2,
    });
  });

  it('drops malformed filters and swaps a reversed range', () => {
    expect(
      parseSearchRequest({ q: ['a', 'b'], section: '../etc', from: '2026-02-30', to: 'yesterday', page: 'x' }),
    ).toEqual({ q: 'a', section: null, from: null, to: null, page: null });
    expect(parseSearchRequest({ from: '2026-11-20', to: '2026-11-01' })).toMatchObject({
      q: '',
      from: '2026-11-01',
      to: '2026-11-20',
      page: 1,
    });
  });
});

describe('searchHref', () => {
  it('encodes the query and keeps only set filters', () => {
    expect(searchHref({ q: 'a & b', section: null, from: '2026-11-01', to: null })).toBe('/search?q=a+%26+b&from=2026-11-01');
  });
});

describe('startOfZonedDay', () => {
  it('is midnight in the newsroom zone, whatever the server zone', () => {
    // Kyiv is UTC+2 in winter, UTC+3 in summer.
    expect(new Date(startOfZonedDay('2026-11-26', 'Europe/Kyiv')).toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(new Date(startOfZonedDay('2026-07-01', 'Europe/Kyiv')).toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(new Date(startOfZonedDay('2026-11-26', 'America/Los_Angeles')).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(new Date(startOfZonedDay('2026-11-26', 'UTC')).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('finds the next day across month ends', () => {
    expect(nextDayKey('2026-11-30')).toBe('2026-12-01');
    expect(nextDayKey('2026-12-31')).toBe('2027-01-01');
  });
});
