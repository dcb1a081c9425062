import { describe, expect, it } from 'vitest';
import { mergeFailures, parseSchedulerReport } from './scheduler-report';

describe('parseSchedulerReport', () => {
  it('reads a stored report and ignores what is not one', () => {
    expect(parseSchedulerReport(null)).toEqual({ lastRunAt: null, lastPublishedIds: [], failures: [] });
    expect(
      parseSchedulerReport({
        lastRunAt: '2026-11-26T10:00:00.000Z',
        lastPublishedIds: [3, 'x'],
        failures: [{ articleId: 4, title: 'T', reason: 'R', since: 'a', lastTriedAt: 'b' }, { nope: 1 }],
      }),
    ).toEqual({
      lastRunAt: '2026-11-26T10:00:00.000Z',
      lastPublishedIds: [3],
      failures: [{ articleId: 4, title: 'T', reason: 'R', since: 'a', lastTriedAt: 'b' }],
    });
  });
});

describe('mergeFailures', () => {
  it('keeps when a failure began, and drops articles that no longer fail', () => {
    const first = new Date('2026-11-26T10:00:00Z');
    const later = new Date('2026-11-26T10:05:00Z');
    const previous = mergeFailures([], [{ articleId: 1, title: 'A', reason: 'r' }, { articleId: 2, title: 'B', reason: 'r' }], first);
    const merged = mergeFailures(previous, [{ articleId: 2, title: 'B', reason: 'r2' }], later);
    expect(merged).toEqual([
      { articleId: 2, title: 'B', reason: 'r2', since: first.toISOString(), lastTriedAt: later.toISOString() },
    ]);
  });
});
