import { describe, expect, it } from 'vitest';
import { relatedMatchExpression } from './related';

describe('relatedMatchExpression', () => {
  it('quotes the headline and tag words worth matching, once each, in order', () => {
    expect(relatedMatchExpression('The harbour ferry returns to the harbour', ['Transit', 'Ferry'])).toBe(
      '"harbour" OR "ferry" OR "returns" OR "transit"',
    );
  });

  it('never lets a headline speak FTS5 syntax', () => {
    const expression = relatedMatchExpression('NEAR "quoted" (brackets) OR col:umn* ^start', []);
    expect(expression).toBe('"near" OR "quoted" OR "brackets" OR "col" OR "umn" OR "start"');
  });

  it('keeps words of any script and drops numbers and stop words', () => {
    expect(relatedMatchExpression('Київ: 2026 budget, what next', [])).toBe('"київ" OR "budget" OR "next"');
  });

  it('is null when nothing is left to match', () => {
    expect(relatedMatchExpression('Is it 42?', [])).toBeNull();
  });

  it('matches at most twelve words', () => {
    const title = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(' ');
    expect(relatedMatchExpression(title, [])!.split(' OR ')).toHaveLength(12);
  });
});
