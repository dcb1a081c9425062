import type { ParsedSearch } from './search-query';

// "Did you mean": the corpus is the dictionary. db/queries/search.ts reads how many articles hold
// each word (the fts5vocab table over the unstemmed index, decision 019); this file decides which
// words to check, which spellings one edit away to ask about, and which one wins.

// Words shorter than this have too many neighbours one edit away to guess from ("cat": "car",
// "cut", "act"…); longer ones are rare and cost more look-ups (about 54 per letter).
const MIN_WORD_CHARS = 3;
const MAX_WORD_CHARS = 20;
// A word the corpus holds is offered another spelling only when that one is at least this many
// times as common ("harbor" in two stories beside "harbour" in four hundred), and only as a
// "Did you mean" link unless the typed words found nothing at all.
export const DOMINANCE = 3;

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const UKRAINIAN = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';

// A word as the unstemmed index holds it: lower case, diacritics removed
// (unicode61 remove_diacritics 2).
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

// The words worth checking: positive words (phrase words too), folded, without digits.
export function spellingWords(parsed: ParsedSearch): string[] {
  const words = parsed.terms.filter((term) => !term.exclude).flatMap((term) => term.words);
  return [...new Set(words.map(foldWord))].filter(
    (word) => [...word].length >= MIN_WORD_CHARS && [...word].length <= MAX_WORD_CHARS && !/\p{N}/u.test(word),
  );
}

// Every spelling one edit away (Damerau–Levenshtein 1: drop, swap two neighbours, replace or insert
// a letter). British and American spellings are mostly one edit apart: harbor/harbour,
// center/centre, organize/organise.
export function spellingNeighbours(word: string): string[] {
  const letters = [...word];
  const alphabet = new Set([...LATIN, ...letters, ...(/\p{Script=Cyrillic}/u.test(word) ? UKRAINIAN : '')]);
  const out = new Set<string>();
  for (let i = 0; i <= letters.length; i++) {
    const head = letters.slice(0, i).join('');
    const tail = letters.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1).join(''));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2).join(''));
    for (const c of alphabet) {
      if (tail.length > 0 && c !== tail[0]) out.add(head + c + tail.slice(1).join(''));
      out.add(head + c + tail.join(''));
    }
  }
  out.delete(word);
  return [...out];
}

export interface WordCount {
  term: string;
  docs: number;
}

// The better spelling of a word, or null: the most common neighbour, when the word itself is not
// in the corpus, or is DOMINANCE times rarer.
export function decideCorrection(own: number, neighbours: readonly WordCount[]): string | null {
  let best: WordCount | null = null;
  for (const candidate of neighbours) {
    if (candidate.docs <= 0) continue;
    if (!best || candidate.docs > best.docs || (candidate.docs === best.docs && candidate.term < best.term)) best = candidate;
  }
  if (!best) return null;
  return own === 0 || best.docs >= own * DOMINANCE ? best.term : null;
}

// The query with each corrected word replaced (positive terms only), or null when nothing changed.
export function applyCorrections(parsed: ParsedSearch, corrections: Readonly<Record<string, string>>): ParsedSearch | null {
  let changed = false;
  const terms = parsed.terms.map((term) => {
    if (term.exclude) return term;
    return {
      ...term,
      words: term.words.map((word) => {
        const better = Object.hasOwn(corrections, foldWord(word)) ? corrections[foldWord(word)] : undefined;
        if (better === undefined || better === foldWord(word)) return word;
        changed = true;
        return better;
      }),
    };
  });
  return changed ? { terms, prefixLast: parsed.prefixLast } : null;
}
