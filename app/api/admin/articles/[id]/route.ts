import { updateArticle } from '@/db/mutations/articles';
import { getArticleForEditor } from '@/db/queries/editor';
import { authorizeArticle, changeBy } from '@/lib/editor/article-access';
import { invalidJson, NO_STORE, notFound, saveResponse, unreadableBody } from '@/lib/editor/api-responses';
import { ARTICLE_BODY_LIMIT, readJsonBody } from '@/lib/request-body';
import { expireTags } from '@/lib/expire-tags';
import { withRequestLog } from '@/lib/request-log';
import { articleInputSchema, fieldErrors } from '@/lib/validation/article';
import { saveRequestSchema } from '@/lib/validation/editor';

// The editor's save (autosave and "Save"): the whole article, with the version the editor
// started from. A stale version is a 409 carrying the other save; nothing is overwritten.
export async function PUT(request: Request, context: RouteContext<'/api/admin/articles/[id]'>) {
  return withRequestLog(request, 'PUT /api/admin/articles/[id]', async () => {
    const access = await authorizeArticle(request, (await context.params).id, changeBy('article.edit'));
    if (!access.ok) return access.response;
    const read = await readJsonBody(request, ARTICLE_BODY_LIMIT);
    if (!read.ok) return unreadableBody(read.reason);
    const body = saveRequestSchema.safeParse(read.value);
    if (!body.success) return invalidJson();
    const input = articleInputSchema.safeParse(body.data.article);
    if (!input.success) {
      return Response.json(
        { ok: false, reason: 'invalid', error: 'Some fields need attention.', errors: fieldErrors(input.error) },
        { status: 422, headers: NO_STORE },
      );
    }
    const result = await updateArticle(access.articleId, body.data.version, input.data, access.actor, {
      substantive: body.data.substantive,
    });
    if (result.ok) expireTags(result.invalidates);
    return saveResponse(result);
  });
}

// The article as the editor loads it: after a conflict, to show the other save side by side.
export async function GET(request: Request, context: RouteContext<'/api/admin/articles/[id]'>) {
  const access = await authorizeArticle(request, (await context.params).id, { open: true });
  if (!access.ok) return access.response;
  const article = await getArticleForEditor(access.articleId);
  return article ? Response.json({ article }, { headers: NO_STORE }) : notFound();
}
