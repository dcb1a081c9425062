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

describe('decideTransition — approval', () => {
  it('follows draft → in_review → approved → scheduled | published', () => {
    expect(decideTransition('in_review', 'approved', { now }).ok).toBe(true);
    expect(decideTransition('approved', 'published', { now }).ok).toBe(true);
    expect(decideTransition('approved', 'scheduled', { now, scheduledAt: new Date('2026-11-27T08:00:00Z') }).ok).toBe(true);
    // A reviewer who changes their mind, or a writer who wants it back.
    expect(decideTransition('approved', 'in_review', { now }).ok).toBe(true);
    expect(decideTransition('approved', 'draft', { now }).ok).toBe(true);
  });

  it('approves only what is in review', () => {
    expect(decideTransition('draft', 'approved', { now })).toEqual({ ok: false, reason: 'A draft article cannot become approved.' });
    expect(decideTransition('published', 'approved', { now }).ok).toBe(false);
    expect(decideTransition('approved', 'approved', { now })).toEqual({ ok: false, reason: 'The article is already approved.' });
  });
});
