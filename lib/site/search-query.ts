// Turns whatever a reader types into the search box into a safe SQLite FTS5 MATCH
// expression. FTS5 has its own query language (AND/OR/NOT/NEAR, quotes, brackets, column
// filters, ^, *): passing raw input through makes "a (b" a syntax error (a 500) and lets a
// reader write queries we never meant to run. Here every word becomes a quoted string, so
// nothing the reader types is ever read as syntax.

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_CHARS = 40;

// FTS5's operators; as words in a search they add nothing (all words must match anyway).
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

// The reader's input as it is worth keeping in the search box: trimmed, capped.
export function normalizeSearchInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
}

// The words of a query: runs of letters, marks and digits in any script. Punctuation,
// symbols and emoji separate words and are dropped; so are FTS5 operators typed in capitals.
export function searchTokens(input: unknown): string[] {
  const text = normalizeSearchInput(input);
  const words = text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words
    .filter((word) => !OPERATORS.has(word))
    .map((word) => word.slice(0, MAX_TOKEN_CHARS))
    .slice(0, MAX_QUERY_TOKENS);
}

// All words must match; the last one also as a prefix, so results follow as the reader
// types ("bridg" finds "bridge"). The last word is matched whole too, because the porter
// stemmer indexes "libraries" as "librari" and a prefix search for the full word would miss it.
// Null when nothing searchable is left: the page shows its empty state and runs no query.
export function buildMatchExpression(input: unknown): string | null {
  const tokens = searchTokens(input);
  if (tokens.length === 0) return null;
  const quoted = tokens.map((token) => `"${token}"`);
  const last = quoted.pop()!;
  return [...quoted, `(${last} OR ${last}*)`].join(' AND ');
}

// The words to mark in the results: any of them, whole words only. Cheaper per row than the
// search expression (a prefix term re-reads FTS5's term list for every row it is checked
// against), and a row found only through the prefix simply shows its dek unmarked.
export function buildHighlightExpression(input: unknown): string | null {
  const tokens = searchTokens(input);
  return tokens.length === 0 ? null : tokens.map((token) => `"${token}"`).join(' OR ');
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
