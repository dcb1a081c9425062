import { createArticle } from '@/db/mutations/articles';
import { authorizeApi } from '@/lib/auth-guards';
import { invalidJson, NO_STORE, saveResponse, unreadableBody } from '@/lib/editor/api-responses';
import { ARTICLE_BODY_LIMIT, readJsonBody } from '@/lib/request-body';
import { withRequestLog } from '@/lib/request-log';
import { articleInputSchema, fieldErrors } from '@/lib/validation/article';

// Creates a draft: the editor's first autosave of a new article. Anyone in the newsroom may
// write their own drafts; the creator owns the article.
export async function POST(request: Request) {
  return withRequestLog(request, 'POST /api/admin/articles', async () => {
    const auth = await authorizeApi(request, 'admin.access');
    if (!auth.ok) return auth.response;
    const read = await readJsonBody(request, ARTICLE_BODY_LIMIT);
    if (!read.ok) return unreadableBody(read.reason);
    const body = read.value as { article?: unknown } | null;
    if (!body || typeof body !== 'object') return invalidJson();
    const parsed = articleInputSchema.safeParse(body.article);
    if (!parsed.success) {
      return Response.json(
        { ok: false, reason: 'invalid', error: 'Some fields need attention.', errors: fieldErrors(parsed.error) },
        { status: 422, headers: NO_STORE },
      );
    }
    const result = await createArticle(parsed.data, auth.actor);
    return saveResponse(result, 201);
  });
}
