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

function tokens(text: string, keys: readonly string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, key: keys.findIndex((k) => word.startsWith(k)) });
  }
  return out;
}

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
  const list = tokens(text, keys);
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
  const tail = end < list.length ? '…' : text.slice(list[end - 1]!.end).trimEnd();
  return `${best > 0 ? '…' : ''}${body}${tail}`;
}
