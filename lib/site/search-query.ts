// Turns whatever a reader types into the search box into a safe SQLite FTS5 MATCH
// expression. FTS5 has its own query language (AND/OR/NOT/NEAR, quotes, brackets, column
// filters, ^, *): passing raw input through makes "a (b" a syntax error (a 500) and lets a
// reader write queries we never meant to run. The reader's own syntax is small and read here:
// words, "quoted phrases" and -exclusions. Every word reaches FTS5 inside double quotes and holds
// only letters, marks and digits, so nothing the reader types is ever read as FTS5 syntax.

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_CHARS = 40;
// A prefix shorter than this expands to a large share of the vocabulary ("c*"): the last word
// is matched as a prefix only from three letters on, and never when it is a number.
const MIN_PREFIX_CHARS = 3;

// FTS5's operators; as bare words in a search they add nothing (all words must match anyway).
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
// Straight and typographic quotes: phones type “ ” for ".
const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
const EXCLUDE = new Set(['-', '\u2212']);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// One thing the reader asked for: a word, or the words of a quoted phrase in order.
export interface SearchTerm {
  words: string[];
  phrase: boolean;
  exclude: boolean;
}

export interface ParsedSearch {
  // In the order typed; excluded terms too.
  terms: SearchTerm[];
  // The last term is a plain word typed last: it also matches as a prefix ("bridg" → "bridge").
  prefixLast: boolean;
}

// Why a query has nothing to run, for the page to say so.
export type NothingToSearch = 'empty' | 'no-words' | 'only-exclusions';

// The reader's input as it is worth keeping in the search box: trimmed, capped.
export function normalizeSearchInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
}

function wordsOf(text: string, keepOperators: boolean): string[] {
  return (text.match(WORD) ?? [])
    .filter((word) => keepOperators || !OPERATORS.has(word))
    .map((word) => word.slice(0, MAX_TOKEN_CHARS));
}

// Reads words, "quoted phrases" (an unclosed quote runs to the end) and -exclusions ("-word",
// "-\"a phrase\""). Punctuation, symbols and emoji separate words and are dropped; so are FTS5
// operators typed in capitals outside quotes. At most MAX_QUERY_TOKENS words in all; a repeated
// term counts once.
export function parseSearchQuery(input: unknown): ParsedSearch {
  const text = normalizeSearchInput(input);
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  let budget = MAX_QUERY_TOKENS;
  // The last words came from outside quotes (a one-word phrase becomes a word, but stays whole).
  let lastWasPlainChunk = false;
  const add = (words: string[], phrase: boolean, exclude: boolean) => {
    const kept = words.slice(0, budget);
    if (kept.length === 0) return;
    const term = { words: kept, phrase: phrase && kept.length > 1, exclude };
    const key = `${exclude ? '-' : ''}${term.phrase ? '"' : ''}${kept.join(' ').toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    budget -= kept.length;
    terms.push(term);
  };
  let i = 0;
  while (i < text.length && budget > 0) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let exclude = false;
    if (EXCLUDE.has(text[i]!) && i + 1 < text.length && text[i + 1] !== ' ') {
      exclude = true;
      i++;
    }
    if (QUOTES.has(text[i]!)) {
      let close = i + 1;
      while (close < text.length && !QUOTES.has(text[close]!)) close++;
      const words = wordsOf(text.slice(i + 1, close), true);
      add(words, true, exclude);
      if (words.length > 0) lastWasPlainChunk = false;
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== ' ' && !QUOTES.has(text[end]!)) end++;
    const words = wordsOf(text.slice(i, end), false);
    // "-a-b" excludes both words; "e-mail" looks for both.
    for (const word of words) add([word], false, exclude);
    if (words.length > 0) lastWasPlainChunk = true;
    i = end;
  }
  const last = terms.at(-1);
  const prefixLast =
    lastWasPlainChunk &&
    last !== undefined &&
    !last.exclude &&
    !last.phrase &&
    last.words[0]!.length >= MIN_PREFIX_CHARS &&
    !/^\p{N}+$/u.test(last.words[0]!);
  return { terms, prefixLast };
}

// Null when the query can run; otherwise why not.
export function nothingToSearch(parsed: ParsedSearch, input: string): NothingToSearch | null {
  if (parsed.terms.some((term) => !term.exclude)) return null;
  if (parsed.terms.length > 0) return 'only-exclusions';
  return input.trim() ? 'no-words' : 'empty';
}

// The words of a query, excluded ones included (capped like the parser).
export function searchTokens(input: unknown): string[] {
  return parseSearchQuery(input).terms.flatMap((term) => term.words);
}

const quote = (words: string[]) => `"${words.join(' ')}"`;

// All positive terms must match; the last word also as a prefix, so results follow as the reader
// types. The last word is matched whole too, because the porter stemmer indexes "libraries" as
// "librari" and a prefix search for the full word would miss it. Exclusions go last as one NOT.
// Null when nothing searchable is left (no positive term): FTS5 cannot run a NOT alone, and the
// page says there is nothing to search for.
export function buildMatchExpression(input: unknown): string | null {
  const parsed = typeof input === 'object' && input !== null && 'terms' in input ? (input as ParsedSearch) : parseSearchQuery(input);
  const positive = parsed.terms.filter((term) => !term.exclude);
  if (positive.length === 0) return null;
  const parts = positive.map((term, index) => {
    const quoted = quote(term.words);
    return parsed.prefixLast && index === positive.length - 1 && term === parsed.terms.at(-1) ? `(${quoted} OR ${quoted}*)` : quoted;
  });
  const excluded = parsed.terms.filter((term) => term.exclude).map((term) => quote(term.words));
  const all = parts.join(' AND ');
  return excluded.length === 0 ? all : `(${all}) NOT (${excluded.join(' OR ')})`;
}

// The words to mark in the results: every word of the positive terms (lib/site/search-snippet.ts).
export function highlightWords(input: unknown): string[] {
  const parsed = typeof input === 'object' && input !== null && 'terms' in input ? (input as ParsedSearch) : parseSearchQuery(input);
  return [...new Set(parsed.terms.filter((term) => !term.exclude).flatMap((term) => term.words))];
}

// The query as a reader would type it (for "Showing results for …" and its link).
export function formatSearchQuery(parsed: ParsedSearch): string {
  return parsed.terms
    .map((term) => `${term.exclude ? '-' : ''}${term.phrase ? quote(term.words) : term.words.join(' ')}`)
    .join(' ');
}

// Highlighted snippets come back from SQLite with these private-use characters around each
// match; the page splits on them and wraps the matches in <mark> elements, so no HTML is ever
// built from text. Newsroom text has no private-use characters; if one slipped in, the worst
// outcome is a misplaced highlight, never markup.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlight = false;
  let current = '';
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_END) {
      if (current) parts.push({ text: current, highlight });
      current = '';
      highlight = char === MARK_START;
      continue;
    }
    current += char;
  }
  if (current) parts.push({ text: current, highlight });
  return parts;
}
