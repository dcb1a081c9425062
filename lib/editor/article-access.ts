import 'server-only';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { authorizeApi, FORBIDDEN_MESSAGE, type ApiAuthorization } from '@/lib/auth-guards';
import type { ArticleStatus } from '@/lib/domain';
import { can, canChangeArticle, isLiveStatus, type ArticleResource, type ActingUser } from '@/lib/permissions';
import { articleIdSchema } from '@/lib/validation/editor';
import { NO_STORE, notFound } from './api-responses';

export type ArticleAccess =
  | (Extract<ApiAuthorization, { ok: true }> & { articleId: number; status: ArticleStatus; ownerId: number | null })
  | { ok: false; response: Response };

/**
 * What the caller wants to do with the article, decided by lib/permissions.ts: `open` it (read,
 * presence) needs `can(user, 'article.edit')`; any change goes through `canChangeArticle`, which
 * also asks for the publish right when the article is live or scheduled.
 */
export type ArticleIntent = { open: true } | { change: (user: ActingUser, article: ArticleResource) => boolean };

// The editor's routes all start here: the article exists (and is not deleted), and the caller
// may do what they ask on it.
export async function authorizeArticle(request: Request, rawId: string, intent: ArticleIntent): Promise<ArticleAccess> {
  const id = articleIdSchema.safeParse(rawId);
  const owner = id.success ? await getArticleOwnership(id.data) : null;
  // Nobody learns whether an id exists before signing in.
  const auth = await authorizeApi(request, 'admin.access');
  if (!auth.ok) return auth;
  if (!id.success || !owner || owner.deleted) return { ok: false, response: notFound() };
  const article: ArticleResource = { ownerId: owner.createdBy, status: owner.status };
  const allowed = 'open' in intent ? can(auth.user, 'article.edit', article) : intent.change(auth.user, article);
  if (!allowed) {
    // Saying why helps the writer who could edit the draft yesterday; others only hear "no".
    const live = isLiveStatus(owner.status) && can(auth.user, 'article.edit', article);
    return {
      ok: false,
      response: Response.json(
        { ok: false, reason: 'forbidden', error: live ? `${FORBIDDEN_MESSAGE} This article is live; ask an editor to change it.` : FORBIDDEN_MESSAGE },
        { status: 403, headers: NO_STORE },
      ),
    };
  }
  return { ...auth, articleId: id.data, status: owner.status, ownerId: owner.createdBy };
}

/** The intent of a plain change by `action` (save, note): lib/permissions.ts's one rule. */
export function changeBy(action: Parameters<typeof canChangeArticle>[1]): ArticleIntent {
  return { change: (user, article) => canChangeArticle(user, action, article) };
}
