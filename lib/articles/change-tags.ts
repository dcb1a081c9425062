import { cacheTags } from '../site/cache-tags';

export interface ArticleCacheFacts {
  id: number;
  status: string;
  kind: string;
  sectionId: number;
  slug: string;
  // When it was (or is to be) published, in milliseconds; lists are ordered by it.
  publishedAt: number | null;
  tagIds: number[];
  bylineIds: number[];
  // Its notes (corrections, clarifications, updates) as JSON, '[]' for none: the corrections page
  // lists those of published articles.
  notes?: string;
}

/** The facts of an article row and its tag and byline links. */
export function articleCacheFacts(
  row: { id: number; status: string; kind: string; sectionId: number; slug: string; publishedAt: Date | null; corrections?: unknown },
  links: { tagIds: number[]; bylineIds: number[] },
): ArticleCacheFacts {
  const { id, status, kind, sectionId, slug } = row;
  const { tagIds, bylineIds } = links;
  const notes = JSON.stringify(row.corrections ?? []);
  return { id, status, kind, sectionId, slug, publishedAt: row.publishedAt?.getTime() ?? null, tagIds, bylineIds, notes };
}

// The cache tags an article change invalidates (lib/site/cache-tags.ts says what each means):
//   - always: the article (its page and every list showing its card) and the sitemaps;
//   - when it joins or leaves public lists (publish, unpublish) or moves in them (a new
//     publication time or kind): every list it was or is in;
//   - when a published article changes section, tags or bylines: only the lists it joined or left;
//   - when it gets a public address it did not have: the cached "not found" answers;
//   - when the public notes change (notes added or restored on a live story, a story with notes
//     published or withdrawn): the corrections page, every page of which they may move.
// A draft that stays a draft touches nothing public. The related stories an editor picks are
// part of the article: a change to them expires 'article:N' like any other save of a live story,
// and no list (db/queries/related.ts tags its block with the story's own 'article:N').
export function tagsForArticleChange(before: ArticleCacheFacts | null, after: ArticleCacheFacts | null): string[] {
  const was = before?.status === 'published' ? before : null;
  const is = after?.status === 'published' ? after : null;
  if (!was && !is) return [];
  const tags = new Set<string>([cacheTags.sitemaps]);
  for (const facts of [was, is]) if (facts) tags.add(cacheTags.article(facts.id));

  const moved = !was || !is || was.publishedAt !== is.publishedAt || was.kind !== is.kind;
  const lists = (facts: ArticleCacheFacts) => [
    cacheTags.latest,
    ...(facts.kind === 'feed' ? [cacheTags.newsFeed] : []),
    cacheTags.section(facts.sectionId),
    ...facts.tagIds.map(cacheTags.tagList),
    ...facts.bylineIds.map(cacheTags.bylineList),
  ];
  const left = was ? lists(was) : [];
  const joined = is ? lists(is) : [];
  if (moved) for (const tag of [...left, ...joined]) tags.add(tag);
  else {
    const stays = new Set(joined);
    for (const tag of left) if (!stays.has(tag)) tags.add(tag);
    const stayed = new Set(left);
    for (const tag of joined) if (!stayed.has(tag)) tags.add(tag);
  }
  if (is && (!was || was.slug !== is.slug || was.sectionId !== is.sectionId)) tags.add(cacheTags.notFound);
  if (publicNotes(was) !== publicNotes(is)) tags.add(cacheTags.corrections);
  return [...tags];
}

function publicNotes(facts: ArticleCacheFacts | null): string {
  return facts?.notes && facts.notes !== '[]' ? facts.notes : '';
}
