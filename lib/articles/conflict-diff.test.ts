import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { conflictRows, fieldLines } from './conflict-diff';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('conflictRows', () => {
  it('puts each paragraph on its own row, theirs beside mine, with only the changed ones marked', () => {
    const draft = { ...emptyDraft(1, []), body: { type: 'doc', content: [para('One.'), para('Two.'), para('Three.'), para('Four.'), para('Five.')] } };
    const mine = { ...draft, body: { type: 'doc', content: [para('One.'), para('Two.'), para('Three.'), para('Four and a half.'), para('Five.'), para('Six.')] } };
    const rows = conflictRows(fieldLines(draft, 'body', String), fieldLines(mine, 'body', String));
    expect(rows).toEqual([
      { type: 'skipped', count: 2 },
      { type: 'row', theirs: [{ value: 'Three.' }], mine: [{ value: 'Three.' }], changed: false },
      {
        type: 'row',
        theirs: [{ value: 'Four ' }, { value: '.' }],
        mine: [{ value: 'Four ' }, { value: 'and a half', added: true }, { value: '.' }],
        changed: true,
      },
      { type: 'row', theirs: [{ value: 'Five.' }], mine: [{ value: 'Five.' }], changed: false },
      { type: 'row', theirs: null, mine: [{ value: 'Six.', added: true }], changed: true },
    ]);
  });

  it('shows a one-line field as one row of words', () => {
    const rows = conflictRows(['Night buses return'], ['Night trams return']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ changed: true });
    const row = rows[0] as Extract<(typeof rows)[number], { type: 'row' }>;
    expect(row.theirs?.map((p) => p.value).join('')).toBe('Night buses return');
    expect(row.mine?.map((p) => p.value).join('')).toBe('Night trams return');
  });
});
