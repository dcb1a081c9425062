import { cacheTags } from '../site/cache-tags';

export interface ArticleCacheFacts {
  id: number;
  status: string;
  sectionId: number;
  tagIds: number[];
  bylineIds: number[];
}

// The cache tags an article change invalidates: the article itself, and every
// list it was in or is now in. A draft that stays a draft touches nothing public.
export function tagsForArticleChange(before: ArticleCacheFacts | null, after: ArticleCacheFacts | null): string[] {
  const wasPublic = before?.status === 'published';
  const isPublic = after?.status === 'published';
  if (!wasPublic && !isPublic) return [];
  const tags = new Set<string>([cacheTags.articleLists]);
  for (const facts of [before, after]) {
    if (!facts) continue;
    tags.add(cacheTags.article(facts.id));
    tags.add(cacheTags.section(facts.sectionId));
    for (const id of facts.tagIds) tags.add(cacheTags.tag(id));
    for (const id of facts.bylineIds) tags.add(cacheTags.byline(id));
  }
  return [...tags];
}
