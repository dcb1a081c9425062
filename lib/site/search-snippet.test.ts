import { describe, expect, it } from 'vitest';
import { MARK_END as E, MARK_START as S } from './search-query';
import { markedPassage, matchKeys, markWords } from './search-snippet';

describe('markWords', () => {
  it('marks searched words and their inflections, folding case and accents', () => {
    const keys = matchKeys(['Harbour', 'library', 'cafe']);
    expect(markWords('The harbour libraries reopen; Café open.', keys)).toBe(
      `The ${S}harbour${E} ${S}libraries${E} reopen; ${S}Café${E} open.`,
    );
    expect(markWords('Nothing here', keys)).toBe('Nothing here');
    expect(markWords('<b>harbour</b>', keys)).toBe(`<b>${S}harbour${E}</b>`);
  });
});

describe('markedPassage', () => {
  const text = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') + ' the ferry and the harbour meet. ' + 'x '.repeat(40).trim() + '.';

  it('cuts a passage around the words, with ellipses where it cuts', () => {
    const passage = markedPassage(text, matchKeys(['ferry', 'harbour']), 10)!;
    expect(passage.startsWith('…')).toBe(true);
    expect(passage.endsWith('…')).toBe(true);
    expect(passage).toContain(`${S}ferry${E} and the ${S}harbour${E}`);
  });

  it('prefers the passage holding more of the words, and keeps the end of a short text', () => {
    const twice = 'ferry alone here. ' + 'y '.repeat(30) + 'ferry and harbour together.';
    expect(markedPassage(twice, matchKeys(['ferry', 'harbour']), 8)).toContain(`${S}harbour${E} together.`);
    expect(markedPassage('A short ferry note.', matchKeys(['ferry']))).toBe(`A short ${S}ferry${E} note.`);
    expect(markedPassage('No match at all.', matchKeys(['ferry']))).toBeNull();
  });

  it('finds accented words the same way, and reads only around the match in a long body', () => {
    const accented = `${'mot '.repeat(100)}le Café du port ouvre. ${'fin '.repeat(100)}`;
    expect(markedPassage(accented, matchKeys(['cafe']), 6)).toBe(`…mot mot le ${S}Café${E} du port…`);
    const plain = `${'word '.repeat(5000)}the ferry returns. ${'more '.repeat(5000)}`;
    expect(markedPassage(plain, matchKeys(['ferry']), 6)).toBe(`…word word the ${S}ferry${E} returns. more…`);
    // A word that merely contains the key is not a match.
    expect(markedPassage('The waterferry docks.', matchKeys(['ferry']))).toBeNull();
  });
});
