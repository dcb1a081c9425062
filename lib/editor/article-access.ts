import 'server-only';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { authorizeApi, type ApiAuthorization } from '@/lib/auth-guards';
import { can, type Action } from '@/lib/permissions';
import { FORBIDDEN_MESSAGE } from '@/lib/auth-guards';
import { articleIdSchema } from '@/lib/validation/editor';
import { notFound } from './api-responses';

export type ArticleAccess =
  | (Extract<ApiAuthorization, { ok: true }> & { articleId: number; status: string; ownerId: number | null })
  | { ok: false; response: Response };

// The editor's routes all start here: the article exists (and is not deleted), the caller may
// take `action` on it, and a live (published or scheduled) article is changed only by someone
// who may publish it — a contributor cannot rewrite a story an editor already put out.
export async function authorizeArticle(request: Request, rawId: string, action: Action): Promise<ArticleAccess> {
  const id = articleIdSchema.safeParse(rawId);
  if (!id.success) return { ok: false, response: notFound() };
  const owner = await getArticleOwnership(id.data);
  if (!owner || owner.deleted) {
    // Nobody learns whether an id exists before signing in.
    const auth = await authorizeApi(request, 'admin.access');
    return { ok: false, response: auth.ok ? notFound() : auth.response };
  }
  const resource = { ownerId: owner.createdBy };
  const auth = await authorizeApi(request, action, resource);
  if (!auth.ok) return auth;
  const live = owner.status === 'published' || owner.status === 'scheduled';
  if (live && action === 'article.edit' && request.method !== 'GET' && !can(auth.user, 'article.publish', resource)) {
    return {
      ok: false,
      response: Response.json(
        { ok: false, reason: 'forbidden', error: `${FORBIDDEN_MESSAGE} This article is live; ask an editor to change it.` },
        { status: 403 },
      ),
    };
  }
  return { ...auth, articleId: id.data, status: owner.status, ownerId: owner.createdBy };
}
