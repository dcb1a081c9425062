import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';
import { applyCorrections, decideCorrection, DOMINANCE, foldWord, spellingNeighbours, spellingWords } from './spelling';

describe('spellingNeighbours', () => {
  it('holds every spelling one edit away: drop, swap, replace, insert', () => {
    const near = new Set(spellingNeighbours('inflaton'));
    expect(near.has('inflation')).toBe(true); // insert
    expect(new Set(spellingNeighbours('harbor')).has('harbour')).toBe(true); // British from American
    expect(new Set(spellingNeighbours('harbour')).has('harbor')).toBe(true); // and back
    expect(new Set(spellingNeighbours('center')).has('centre')).toBe(true); // swap
    expect(new Set(spellingNeighbours('organize')).has('organise')).toBe(true); // replace
    expect(new Set(spellingNeighbours('councill')).has('council')).toBe(true); // drop
    expect(near.has('inflaton')).toBe(false);
    expect(near.has('inflammation')).toBe(false);
  });

  it('stays within the letters of the word’s script', () => {
    expect(new Set(spellingNeighbours('київ')).has('києв')).toBe(true);
    expect(spellingNeighbours('abc').length).toBeLessThan(200);
  });
});

describe('decideCorrection', () => {
  it('picks the most common neighbour for a word the corpus lacks', () => {
    expect(decideCorrection(0, [{ term: 'inflation', docs: 40 }, { term: 'inflator', docs: 2 }])).toBe('inflation');
    expect(decideCorrection(0, [])).toBeNull();
    expect(decideCorrection(0, [{ term: 'b', docs: 3 }, { term: 'a', docs: 3 }])).toBe('a');
  });

  it('replaces a word the corpus holds only with a far more common spelling', () => {
    expect(decideCorrection(2, [{ term: 'harbour', docs: 2 * DOMINANCE }])).toBe('harbour');
    expect(decideCorrection(2, [{ term: 'harbour', docs: 2 * DOMINANCE - 1 }])).toBeNull();
  });
});

describe('spellingWords and applyCorrections', () => {
  it('checks positive words and phrase words, folded, without numbers or very short words', () => {
    expect(spellingWords(parseSearchQuery('Café "city counsil" -harbor 2026 at x9z ab'))).toEqual(['cafe', 'city', 'counsil']);
    expect(foldWord('RÉSUMÉ')).toBe('resume');
  });

  it('replaces corrected words and leaves exclusions and the rest as typed', () => {
    const parsed = parseSearchQuery('Inflaton "city counsil" -inflaton');
    const corrected = applyCorrections(parsed, { inflaton: 'inflation', counsil: 'council' });
    expect(corrected?.terms.map((t) => t.words)).toEqual([['inflation'], ['city', 'council'], ['inflaton']]);
    expect(applyCorrections(parsed, {})).toBeNull();
    // A key from the prototype is never a correction.
    expect(applyCorrections(parseSearchQuery('constructor'), {})).toBeNull();
  });
});
