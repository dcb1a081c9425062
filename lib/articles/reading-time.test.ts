import { describe, expect, it } from 'vitest';
import { formatReadingTime, readingTimeMinutes } from './reading-time';

describe('readingTimeMinutes', () => {
  it.each([
    [0, 1],
    [-10, 1],
    [Number.NaN, 1],
    [1, 1],
    [120, 1],
    [230, 1],
    [231, 2],
    [460, 2],
    [900, 4],
    [2300, 10],
  ])('%d words → %d min', (words, minutes) => {
    expect(readingTimeMinutes(words)).toBe(minutes);
  });

  it('honours a custom reading speed and ignores a nonsensical one', () => {
    expect(readingTimeMinutes(600, 200)).toBe(3);
    expect(readingTimeMinutes(600, 0)).toBe(3);
    expect(readingTimeMinutes(600, -5)).toBe(3);
  });
});

describe('formatReadingTime', () => {
  it.each([
    [1, '1 min read'],
    [4, '4 min read'],
    [0, '1 min read'],
    [2.2, '3 min read'],
    [Number.NaN, '1 min read'],
  ])('%d → %s', (minutes, text) => {
    expect(formatReadingTime(minutes)).toBe(text);
  });
});
