import { describe, expect, it } from 'vitest';
import { flattenNotes, noteKindLabel } from './corrections';

describe('noteKindLabel', () => {
  it('names each kind, and reads a note without one as a correction', () => {
    expect(noteKindLabel({})).toBe('Correction');
    expect(noteKindLabel({ kind: 'clarification' })).toBe('Clarification');
    expect(noteKindLabel({ kind: 'update' })).toBe('Update');
    expect(noteKindLabel({ kind: 'bogus' as never })).toBe('Correction');
  });
});

describe('flattenNotes', () => {
  it('lists every note of every article, newest first, skipping unreadable ones', () => {
    const entries = flattenNotes([
      { id: 1, title: 'A', url: '/news/a', notes: [{ at: '2026-11-20T10:00:00Z', text: 'old' }, { at: '2026-11-25T10:00:00Z', kind: 'update', text: 'new' }] },
      { id: 2, title: 'B', url: '/news/b', notes: [{ at: '2026-11-22T10:00:00Z', kind: 'clarification', text: 'mid' }, { at: 'not a date', text: 'x' }] },
    ]);
    expect(entries.map((e) => [e.text, e.kind, e.url])).toEqual([
      ['new', 'update', '/news/a'],
      ['mid', 'clarification', '/news/b'],
      ['old', 'correction', '/news/a'],
    ]);
  });
});
