import { describe, expect, it } from 'vitest';
import { countPages, decidePageWindow, MAX_PAGE, pageHref, parsePageParam } from './pagination';

describe('parsePageParam', () => {
  it('accepts plain positive integers', () => {
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('2')).toBe(2);
    expect(parsePageParam(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it('refuses anything else', () => {
    for (const raw of ['', '0', '02', '-1', '2.5', '1e3', 'abc', ' 2', '2 ', '0x10', String(MAX_PAGE + 1), '9999999']) {
      expect(parsePageParam(raw), raw).toBeNull();
    }
    expect(parsePageParam(undefined)).toBeNull();
    expect(parsePageParam(null)).toBeNull();
  });
});

describe('countPages', () => {
  it('rounds up and never goes below one page', () => {
    expect(countPages(0, 20)).toBe(1);
    expect(countPages(1, 20)).toBe(1);
    expect(countPages(20, 20)).toBe(1);
    expect(countPages(21, 20)).toBe(2);
    expect(countPages(Number.NaN, 20)).toBe(1);
  });
});

describe('pageHref', () => {
  it('keeps page 1 at the bare address', () => {
    expect(pageHref('/politics', 1)).toBe('/politics');
    expect(pageHref('/politics', 3)).toBe('/politics?page=3');
    expect(pageHref('/search?q=bridge', 2)).toBe('/search?q=bridge&page=2');
  });
});

describe('decidePageWindow', () => {
  it('shows the ends and the neighbourhood of the current page', () => {
    expect(decidePageWindow(1, 1)).toEqual([1]);
    expect(decidePageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(decidePageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    // A gap of exactly one page shows that page instead of an ellipsis.
    expect(decidePageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(decidePageWindow(10, 10)).toEqual([1, null, 9, 10]);
  });
});
