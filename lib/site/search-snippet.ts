import { MARK_END, MARK_START } from './search-query';

// Highlighted titles and passages for search results, made from the text the result row already
// holds. FTS5's highlight() and snippet() cost a query per result and tokenize each body again
// (about 5 ms for a page of 20, most of a distinct search's CPU); this marks the words in one pass.
// The index stems words ("libraries" is found by "library"); here a word is marked when it starts
// like a searched word (its first letters, less a two-letter ending past four letters), which marks
// the inflections a reader expects and at worst a neighbour ("taxi" for "tax") — never markup.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII = /^[\x00-\x7F]*$/;

function fold(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// What a text word must start with to count as one of the searched words.
export function matchKeys(words: readonly string[]): string[] {
  const keys = words.map(fold).map((w) => ([...w].length > 4 ? [...w].slice(0, Math.max(4, [...w].length - 2)).join('') : w));
  return [...new Set(keys)].filter((k) => k.length > 0);
}

interface Token {
  start: number;
  end: number;
  // Index into keys, or -1.
  key: number;
}

// The words of text[from, to), with their places in the whole text.
function tokens(text: string, keys: readonly string[], from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const word = fold(m[0]);
    const start = from + m.index;
    out.push({ start, end: start + m[0].length, key: keys.findIndex((k) => word.startsWith(k)) });
  }
  return out;
}

const escape = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Where searched words start, found by one regular expression — when the text has nothing that
// folding would change (no accents; curly quotes and dashes are fine). Null otherwise.
function quickHits(text: string, keys: readonly string[]): number[] | null {
  if (keys.length === 0 || text.normalize('NFD') !== text) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${keys.map(escape).join('|')})`, 'giu');
  return [...text.matchAll(pattern)].map((m) => m.index);
}

// Characters a passage of `size` words spans, about: where to read words around a match.
const CHARS_PER_WORD = 8;

function mark(text: string, list: readonly Token[], from: number, to: number): string {
  let out = '';
  let at = list[from]?.start ?? 0;
  for (let i = from; i < to; i++) {
    const t = list[i]!;
    out += text.slice(at, t.start);
    out += t.key >= 0 ? MARK_START + text.slice(t.start, t.end) + MARK_END : text.slice(t.start, t.end);
    at = t.end;
  }
  return out;
}

// The whole text with every searched word marked (titles, deks).
export function markWords(text: string, keys: readonly string[]): string {
  const list = tokens(text, keys);
  if (!list.some((t) => t.key >= 0)) return text;
  const first = list[0]!.start;
  return text.slice(0, first) + mark(text, list, 0, list.length) + text.slice(list.at(-1)!.end);
}

// The passage of `size` words holding the most different searched words (the first such), marked,
// with "…" where it cuts the text; null when no searched word is in the text.
export function markedPassage(text: string, keys: readonly string[], size = 28): string | null {
  // A body is thousands of characters; reading every word of it was most of a search's CPU. When
  // a regular expression can find the matches, only the words around the first one that begins
  // the richest stretch are read.
  const hits = quickHits(text, keys);
  if (hits && hits.length === 0) return null;
  let from = 0;
  let to = text.length;
  if (hits) {
    const span = size * CHARS_PER_WORD;
    let best = hits[0]!;
    let bestCount = 0;
    for (const hit of hits) {
      const within = hits.filter((h) => h >= hit && h < hit + span).length;
      if (within > bestCount) {
        bestCount = within;
        best = hit;
      }
    }
    from = Math.max(0, best - 8 * CHARS_PER_WORD);
    to = Math.min(text.length, best + span + 8 * CHARS_PER_WORD);
    // Whole words only: widen to the spaces around.
    if (from > 0) from = text.lastIndexOf(' ', from) + 1;
    if (to < text.length) to = text.indexOf(' ', to) < 0 ? text.length : text.indexOf(' ', to);
  }
  return passageOf(text, tokens(text, keys, from, to), keys, size, from === 0, to === text.length);
}

function passageOf(text: string, list: Token[], keys: readonly string[], size: number, atStart: boolean, atEnd: boolean): string | null {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.key < 0) continue;
    // A passage opens a few words before the match, so the reader sees it in context.
    const start = Math.max(0, Math.min(i - 3, list.length - size));
    const seen = new Set<number>();
    for (let j = start; j < Math.min(list.length, start + size); j++) if (list[j]!.key >= 0) seen.add(list[j]!.key);
    if (seen.size > bestScore) {
      bestScore = seen.size;
      best = start;
      if (bestScore === keys.length) break;
    }
  }
  if (best < 0) return null;
  const end = Math.min(list.length, best + size);
  const body = mark(text, list, best, end);
  const tail = end < list.length || !atEnd ? '…' : text.slice(list[end - 1]!.end).trimEnd();
  return `${best > 0 || !atStart ? '…' : ''}${body}${tail}`;
}
