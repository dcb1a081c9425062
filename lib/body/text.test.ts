import { describe, expect, it } from 'vitest';
import { bodyToPlainText, collectMediaIds, countWords } from './text';
import type { BodyDoc } from './types';

const story: BodyDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The vote' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The council ' },
        { type: 'text', text: 'voted', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' on Tuesday.' },
        { type: 'hardBreak' },
        { type: 'text', text: 'Second line.' },
      ],
    },
    { type: 'image', attrs: { mediaId: 4, caption: 'Not body text' } },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First' }] }] },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Second' }] },
            {
              type: 'orderedList',
              content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }] }],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Quoted one.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Quoted two.' }] },
      ],
    },
    { type: 'horizontalRule' },
    { type: 'pullQuote', attrs: { attribution: 'Mayor' }, content: [{ type: 'text', text: 'Soon.' }] },
    { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Not body text' } },
    { type: 'image', attrs: { mediaId: 9 } },
    { type: 'image', attrs: { mediaId: 4 } },
  ],
};

describe('bodyToPlainText', () => {
  it('separates blocks by blank lines and puts list items on their own lines', () => {
    expect(bodyToPlainText(story)).toBe(
      [
        'The vote',
        'The council voted on Tuesday.\nSecond line.',
        'First\nSecond\nNested',
        'Quoted one.\n\nQuoted two.',
        'Soon.',
      ].join('\n\n'),
    );
  });

  it('gives an empty string for an empty body', () => {
    expect(bodyToPlainText({ type: 'doc', content: [] })).toBe('');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['One two three', 3],
    ['  spaced   out\nwords  ', 3],
    ['Hello, world! — “Quoted” … (aside)', 4],
    ['— … !!! ??? – - ,', 0],
    ['In 2026 the budget grew 3.5% to 1,000,000 hryvnias', 9],
    ["Don't split contractions", 3],
    ['Київ — столиця України, 2026 року.', 5],
    ['Депутати ухвалили бюджет: 312 голосів «за».', 6],
    ["Слово п'ять і м’ята", 4],
    ['Ελληνικά και עברית and عربي', 5],
    ['東京は日本の首都です', 6],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts the words of a whole body', () => {
    expect(countWords(bodyToPlainText(story))).toBe(17);
  });
});

describe('collectMediaIds', () => {
  it('lists image ids once, in order of first appearance', () => {
    expect(collectMediaIds(story)).toEqual([4, 9]);
  });

  it('is empty without images', () => {
    expect(collectMediaIds({ type: 'doc', content: [{ type: 'horizontalRule' }] })).toEqual([]);
  });
});
