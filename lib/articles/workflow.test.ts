import { describe, expect, it } from 'vitest';
import { decideTransition } from './workflow';

const now = new Date('2026-11-26T12:00:00Z');

describe('decideTransition', () => {
  it('follows draft → in_review → scheduled | published → unpublished', () => {
    expect(decideTransition('draft', 'in_review', { now }).ok).toBe(true);
    expect(decideTransition('in_review', 'published', { now }).ok).toBe(true);
    expect(decideTransition('published', 'unpublished', { now }).ok).toBe(true);
    expect(decideTransition('unpublished', 'published', { now }).ok).toBe(true);
  });

  it('never turns a published article back into a draft without unpublishing it', () => {
    expect(decideTransition('published', 'draft', { now })).toEqual({
      ok: false,
      reason: 'A published article cannot become draft.',
    });
    expect(decideTransition('published', 'published', { now }).ok).toBe(false);
  });

  it('schedules only for a time in the future', () => {
    expect(decideTransition('draft', 'scheduled', { now }).ok).toBe(false);
    expect(decideTransition('draft', 'scheduled', { now, scheduledAt: new Date('2026-11-26T11:59:00Z') }).ok).toBe(false);
    expect(decideTransition('draft', 'scheduled', { now, scheduledAt: new Date('2026-11-27T08:00:00Z') }).ok).toBe(true);
    // Rescheduling keeps the status and moves the time.
    expect(decideTransition('scheduled', 'scheduled', { now, scheduledAt: new Date('2026-11-28T08:00:00Z') }).ok).toBe(true);
  });
});
