import { describe, expect, it } from 'vitest';
import { readListParams } from './list-params';

describe('readListParams', () => {
  it('reads the search and the page an editor followed', () => {
    expect(readListParams({ q: 'trams', page: '3' }, 200)).toEqual({ q: 'trams', page: 3 });
  });

  it('starts at page one with no search when the address says nothing usable', () => {
    expect(readListParams({}, 200)).toEqual({ q: '', page: 1 });
    for (const page of ['0', '-2', '1.5', 'two', ''])
      expect(readListParams({ page }, 200).page, page).toBe(1);
    expect(readListParams({ q: ['a', 'b'], page: ['2', '3'] }, 200)).toEqual({ q: '', page: 1 });
  });

  it('cuts a long search to the length the list accepts', () => {
    expect(readListParams({ q: 'x'.repeat(500) }, 120).q).toHaveLength(120);
  });
});
