import { describe, expect, it } from 'vitest';
import { nextDayKey, parseSearchRequest, searchHref, startOfZonedDay } from './search-params';

describe('parseSearchRequest', () => {
  it('reads valid filters, the sort and the page', () => {
    expect(
      parseSearchRequest({ q: ' bridge ', section: 'city', from: '2026-11-01', to: '2026-11-20', sort: 'newest', page: '2' }),
    ).toEqual({
      q: 'bridge',
      section: 'city',
      from: '2026-11-01',
      to: '2026-11-20',
      sort: 'newest',
      exact: false,
      page: 2,
      problems: [],
    });
    expect(parseSearchRequest({ q: 'x', exact: '1' })).toMatchObject({ sort: 'relevance', exact: true, from: null, to: null });
  });

  it('drops a malformed section, sort and page, and takes the first of repeated values', () => {
    expect(parseSearchRequest({ q: ['a', 'b'], section: '../etc', sort: 'DROP', exact: 'yes', page: 'x' })).toEqual({
      q: 'a',
      section: null,
      from: null,
      to: null,
      sort: 'relevance',
      exact: false,
      page: null,
      problems: [],
    });
  });

  it('names a date that is not a date, and a range that ends before it starts', () => {
    expect(parseSearchRequest({ from: '2026-02-30', to: 'yesterday' }).problems).toEqual([
      { field: 'from', message: 'The start date “2026-02-30” is not a date. Use a date such as 2026-03-31.' },
      { field: 'to', message: 'The end date “yesterday” is not a date. Use a date such as 2026-03-31.' },
    ]);
    expect(parseSearchRequest({ from: '2026-11-20', to: '2026-11-01' })).toMatchObject({
      from: '2026-11-20',
      to: '2026-11-01',
      problems: [{ field: 'to', message: 'The end date (2026-11-01) is before the start date (2026-11-20).' }],
    });
    // An empty field (the form sends from=&to=) is no filter, not a problem.
    expect(parseSearchRequest({ q: 'x', from: '', to: ' ' }).problems).toEqual([]);
    // What is quoted back is short.
    expect(parseSearchRequest({ from: 'x'.repeat(500) }).problems[0]!.message.length).toBeLessThan(100);
  });
});

describe('searchHref', () => {
  it('encodes the query and keeps only set filters, leaving defaults out', () => {
    expect(searchHref({ q: 'a & b', section: null, from: '2026-11-01', to: null })).toBe('/search?q=a+%26+b&from=2026-11-01');
    expect(searchHref({ q: '"city hall" -ferry', section: 'city', from: null, to: '2026-11-02', sort: 'newest', exact: true })).toBe(
      '/search?q=%22city+hall%22+-ferry&section=city&to=2026-11-02&sort=newest&exact=1',
    );
    expect(searchHref({ q: 'x', section: null, from: null, to: null, sort: 'relevance', exact: false })).toBe('/search?q=x');
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
