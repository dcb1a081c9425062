// How the "Related stories" block under an article is chosen (db/queries/related.ts runs it):
//   1. the stories the editor picked, in their order (published ones only);
//   2. stories sharing the most of its tags, newest first among equals;
//   3. stories of its section, newest first;
//   4. stories whose headline, dek or text read most like its headline and tags (FTS5 bm25).
// Never the article itself, a draft, a scheduled, withdrawn or trashed story. News Feed items
// (kind 'feed') come only after every other story those steps find: they are one-paragraph
// updates, a poor "read next". Ties fall to the newer story, then the higher id, so the same
// data always gives the same block.

export const RELATED_STORY_COUNT = 4;

// Short words and the most common English ones say nothing about what a story is about; with them
// every story would match every other.
const STOP_WORDS = new Set(
  'about after again also amid and are but can could for from had has have her his how into its its more new not now off our out over says she than that the their them then there these they this those was were what when where which while who why will with would you your'.split(
    ' ',
  ),
);
const MAX_TERMS = 12;

/**
 * An FTS5 MATCH expression for stories like this one: any of the headline's and the tags'
 * meaningful words, each quoted so nothing in a headline is read as FTS5 syntax. Null when no
 * word is left (a headline of numbers and stop words): the text step is skipped.
 */
export function relatedMatchExpression(title: string, tagNames: readonly string[]): string | null {
  const words = [title, ...tagNames]
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu);
  const terms = [...new Set(words ?? [])].filter((word) => word.length >= 3 && !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word));
  if (terms.length === 0) return null;
  return terms
    .slice(0, MAX_TERMS)
    .map((term) => `"${term.slice(0, 40)}"`)
    .join(' OR ');
}
