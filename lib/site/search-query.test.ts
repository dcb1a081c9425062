import { describe, expect, it } from 'vitest';
import {
  buildMatchExpression,
  formatSearchQuery,
  highlightWords,
  MARK_END,
  MARK_START,
  MAX_QUERY_TOKENS,
  normalizeSearchInput,
  nothingToSearch,
  parseSearchQuery,
  searchTokens,
  splitHighlights,
} from './search-query';
import { HOSTILE_QUERIES } from '../testing/hostile-queries';


describe('buildMatchExpression', () => {
  it('quotes every word and prefixes the last', () => {
    expect(buildMatchExpression('bridge council')).toBe('"bridge" AND ("council" OR "council"*)');
    expect(buildMatchExpression('  Bridge  ')).toBe('("Bridge" OR "Bridge"*)');
  });

  it('prefixes the last word only from three letters, and never a number', () => {
    expect(buildMatchExpression('harbour ab')).toBe('"harbour" AND "ab"');
    expect(buildMatchExpression('harbour 2026')).toBe('"harbour" AND "2026"');
    expect(buildMatchExpression('harbour abc')).toBe('"harbour" AND ("abc" OR "abc"*)');
  });

  it('drops operators, punctuation and emoji outside quotes', () => {
    expect(buildMatchExpression('bridge AND (council OR port)')).toBe('"bridge" AND "council" AND ("port" OR "port"*)');
    expect(buildMatchExpression('NEAR(bridge council, 2)')).toBe('"bridge" AND "council" AND "2"');
    expect(buildMatchExpression('🌉 bridge 🔥')).toBe('("bridge" OR "bridge"*)');
    // Lower-case "and" is a word a reader may mean, and harmless once quoted.
    expect(buildMatchExpression('rock and roll')).toBe('"rock" AND "and" AND ("roll" OR "roll"*)');
    expect(buildMatchExpression('title:bridge ^council')).toBe('"title" AND "bridge" AND ("council" OR "council"*)');
  });

  it('keeps a quoted phrase whole, never as a prefix', () => {
    expect(buildMatchExpression('"city council" budget')).toBe('"city council" AND ("budget" OR "budget"*)');
    expect(buildMatchExpression('budget "city council"')).toBe('"budget" AND "city council"');
    // Typographic quotes, as phones type them.
    expect(buildMatchExpression('\u201Ccity council\u201D')).toBe('"city council"');
    // An unclosed quote runs to the end; a one-word phrase is a word.
    expect(buildMatchExpression('ferry "city council')).toBe('"ferry" AND "city council"');
    expect(buildMatchExpression('"ferry"')).toBe('"ferry"');
    // Inside quotes operators are words.
    expect(buildMatchExpression('"to be OR NOT to be"')).toBe('"to be OR NOT to be"');
  });

  it('leaves out -excluded words and phrases', () => {
    expect(buildMatchExpression('harbour -ferry')).toBe('("harbour") NOT ("ferry")');
    expect(buildMatchExpression('harbour -ferry -"city council" port')).toBe(
      '("harbour" AND ("port" OR "port"*)) NOT ("ferry" OR "city council")',
    );
    // A hyphen inside a word or alone is not an exclusion.
    expect(buildMatchExpression('e-mail - scam')).toBe('"e" AND "mail" AND ("scam" OR "scam"*)');
    expect(buildMatchExpression('-bridge +council')).toBe('(("council" OR "council"*)) NOT ("bridge")');
  });

  it('keeps other scripts and diacritics for the tokenizer to fold', () => {
    expect(buildMatchExpression('Київ')).toBe('("Київ" OR "Київ"*)');
    expect(buildMatchExpression('café')).toBe('("café" OR "café"*)');
  });

  it('returns null when nothing searchable is left', () => {
    for (const input of ['', '   ', '"', '🌉🔥', '* ( ) :', 'AND OR NOT', '-ferry', '-ferry -"city hall"', null, undefined, 42, {}]) {
      expect(buildMatchExpression(input), String(input)).toBeNull();
    }
  });

  it('builds only quoted words and phrases with AND, OR, NOT and brackets, whatever the input', () => {
    const term = '"[\\p{L}\\p{M}\\p{N}]+(?: [\\p{L}\\p{M}\\p{N}]+)*"\\*?';
    const shape = new RegExp(`^(?:[()]|${term}| AND | OR | NOT )+$`, 'u');
    for (const input of HOSTILE_QUERIES) {
      const match = buildMatchExpression(input);
      if (match !== null) expect(match, input).toMatch(shape);
    }
  });

  it('caps the length and the number of words', () => {
    expect(normalizeSearchInput('x'.repeat(2000)).length).toBeLessThanOrEqual(200);
    expect(searchTokens(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_QUERY_TOKENS);
    expect(searchTokens('"a b c d e f" g h i j k')).toHaveLength(MAX_QUERY_TOKENS);
    expect(searchTokens('a'.repeat(2000))[0]!.length).toBeLessThanOrEqual(40);
    // A repeated word counts once.
    expect(searchTokens('word '.repeat(400))).toEqual(['word']);
  });
});

describe('parseSearchQuery and nothingToSearch', () => {
  it('says why there is nothing to search for', () => {
    const why = (q: string) => nothingToSearch(parseSearchQuery(q), q);
    expect(why('')).toBe('empty');
    expect(why('?!…')).toBe('no-words');
    expect(why('-ferry -"city hall"')).toBe('only-exclusions');
    expect(why('harbour -ferry')).toBeNull();
  });

  it('reads terms in order and writes them back as typed', () => {
    const parsed = parseSearchQuery('Harbour  -ferry "city   council"');
    expect(parsed.terms).toEqual([
      { words: ['Harbour'], phrase: false, exclude: false },
      { words: ['ferry'], phrase: false, exclude: true },
      { words: ['city', 'council'], phrase: true, exclude: false },
    ]);
    expect(parsed.prefixLast).toBe(false);
    expect(formatSearchQuery(parsed)).toBe('Harbour -ferry "city council"');
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

describe('highlightWords', () => {
  it('marks the positive words, phrase words included, never the excluded ones', () => {
    expect(highlightWords('Council budget!')).toEqual(['Council', 'budget']);
    expect(highlightWords('"a (b" NOT c')).toEqual(['a', 'b', 'c']);
    expect(highlightWords('harbour -ferry "city hall"')).toEqual(['harbour', 'city', 'hall']);
    expect(highlightWords('  ')).toEqual([]);
  });
});
