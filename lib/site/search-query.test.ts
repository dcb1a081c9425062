import { describe, expect, it } from 'vitest';
import {
  buildHighlightExpression,
  buildMatchExpression,
  MARK_END,
  MARK_START,
  MAX_QUERY_TOKENS,
  normalizeSearchInput,
  searchTokens,
  splitHighlights,
} from './search-query';
import { HOSTILE_QUERIES } from '../testing/hostile-queries';


describe('buildMatchExpression', () => {
  it('quotes every word and prefixes the last', () => {
    expect(buildMatchExpression('bridge council')).toBe('"bridge" AND ("council" OR "council"*)');
    expect(buildMatchExpression('  Bridge  ')).toBe('("Bridge" OR "Bridge"*)');
  });

  it('drops operators, punctuation and emoji', () => {
    expect(buildMatchExpression('bridge AND (council OR "port")')).toBe(
      '"bridge" AND "council" AND ("port" OR "port"*)',
    );
    expect(buildMatchExpression('NEAR(bridge council, 2)')).toBe('"bridge" AND "council" AND ("2" OR "2"*)');
    expect(buildMatchExpression('🌉 bridge 🔥')).toBe('("bridge" OR "bridge"*)');
    // Lower-case "and" is a word a reader may mean, and harmless once quoted.
    expect(buildMatchExpression('rock and roll')).toBe('"rock" AND "and" AND ("roll" OR "roll"*)');
  });

  it('keeps other scripts and diacritics for the tokenizer to fold', () => {
    expect(buildMatchExpression('Київ')).toBe('("Київ" OR "Київ"*)');
    expect(buildMatchExpression('café')).toBe('("café" OR "café"*)');
  });

  it('returns null when nothing searchable is left', () => {
    for (const input of ['', '   ', '"', '🌉🔥', '* ( ) :', 'AND OR NOT', null, undefined, 42, {}]) {
      expect(buildMatchExpression(input), String(input)).toBeNull();
    }
  });

  it('builds only quoted words joined by AND, whatever the input', () => {
    const shape = /^("[\p{L}\p{M}\p{N}]+" AND )*\("[\p{L}\p{M}\p{N}]+" OR "[\p{L}\p{M}\p{N}]+"\*\)$/u;
    for (const input of HOSTILE_QUERIES) {
      const match = buildMatchExpression(input);
      if (match !== null) expect(match, input).toMatch(shape);
    }
  });

  it('caps the length and the number of words', () => {
    expect(normalizeSearchInput('x'.repeat(2000)).length).toBeLessThanOrEqual(200);
    expect(searchTokens('word '.repeat(400))).toHaveLength(MAX_QUERY_TOKENS);
    expect(searchTokens('a'.repeat(2000))[0]!.length).toBeLessThanOrEqual(40);
  });
});

describe('splitHighlights', () => {
  it('splits sentinel-marked snippets into parts', () => {
    expect(splitHighlights(`The ${MARK_START}bridge${MARK_END} reopens`)).toEqual([
      { text: 'The ', highlight: false },
      { text: 'bridge', highlight: true },
      { text: ' reopens', highlight: false },
    ]);
    expect(splitHighlights('<b>plain</b>')).toEqual([{ text: '<b>plain</b>', highlight: false }]);
  });
});

describe('buildHighlightExpression', () => {
  it('marks any of the words, whole, quoted like the search', () => {
    expect(buildHighlightExpression('Council budget!')).toBe('"Council" OR "budget"');
    expect(buildHighlightExpression('"a (b" NOT c')).toBe('"a" OR "b" OR "c"');
    expect(buildHighlightExpression('  ')).toBeNull();
  });
});
