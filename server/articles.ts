import 'server-only';
import { z } from 'zod';
import type { SaveResult, TransitionResult } from '@/db/mutations/articles';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import type { ArticleMoved, ArticleSaved, ConflictDetail, FieldErrors } from '@/server/newsroom-api';
import type { ArticleResource } from '@/lib/newsroom/permissions';
import { refuse, type RouteOutcome } from './door';

// What the article doors share: the article a request is about, and a save's answer.

export const articleParams = z.object({ id: z.coerce.number().int().positive() });

export const ARTICLE_MISSING = 'This article no longer exists.';

export type FoundArticle = ArticleResource & { id: number; version: number };

/**
 * The article as the permission rules see it; null when it does not exist or is deleted (the
 * trash's own doors ask with `deleted: true`, to say "already deleted" to whoever may delete it).
 */
export async function findArticle(id: number, options: { deleted?: boolean } = {}): Promise<FoundArticle | null> {
  const found = await getArticleOwnership(id);
  if (!found || (found.deleted && !options.deleted)) return null;
  return { id, ownerId: found.createdBy, status: found.status, version: found.version };
}

function asFieldErrors(errors: Record<string, string> | undefined): FieldErrors {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, message]) => [field, [message]]));
}

/** A save's or a move's result as the route's answer. */
export function saveOutcome(result: SaveResult, okStatus?: number): RouteOutcome<ArticleSaved, ConflictDetail>;
export function saveOutcome(result: TransitionResult, okStatus?: number): RouteOutcome<ArticleMoved, ConflictDetail>;
export function saveOutcome(result: SaveResult | TransitionResult, okStatus = 200): RouteOutcome<ArticleSaved | ArticleMoved, ConflictDetail> {
  if (result.ok) {
    const { ok: _ok, invalidates, ...body } = result;
    return { ok: true, body, status: okStatus, invalidates };
  }
  switch (result.reason) {
    case 'conflict':
      return refuse('conflict', 'Someone else saved this article since you opened it.', { current: result.current });
    case 'invalid':
      return refuse('invalid', 'Some fields need attention.', { fieldErrors: asFieldErrors(result.errors) });
    case 'refused':
      return refuse('invalid', result.message, { fieldErrors: asFieldErrors(result.errors) });
    case 'not_found':
      return refuse('not_found', ARTICLE_MISSING);
  }
}
