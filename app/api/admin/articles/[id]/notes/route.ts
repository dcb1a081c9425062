import { addArticleNote } from '@/db/mutations/articles';
import { authorizeArticle, changeBy } from '@/lib/editor/article-access';
import { NO_STORE, saveResponse, unreadableBody } from '@/lib/editor/api-responses';
import { readJsonBody, SMALL_BODY_LIMIT } from '@/lib/request-body';
import { expireTags } from '@/lib/expire-tags';
import { withRequestLog } from '@/lib/request-log';
import { fieldErrors } from '@/lib/validation/article';
import { noteRequestSchema } from '@/lib/validation/editor';

// Adds a public correction, clarification or update note to a published article. Whoever may
// publish the article may annotate it.
export async function POST(request: Request, context: RouteContext<'/api/admin/articles/[id]/notes'>) {
  return withRequestLog(request, 'POST /api/admin/articles/[id]/notes', async () => {
    const access = await authorizeArticle(request, (await context.params).id, changeBy('article.publish'));
    if (!access.ok) return access.response;
    const read = await readJsonBody(request, SMALL_BODY_LIMIT);
    if (!read.ok) return unreadableBody(read.reason);
    const body = noteRequestSchema.safeParse(read.value);
    if (!body.success) {
      const errors = fieldErrors(body.error);
      return Response.json(
        { ok: false, reason: 'invalid', error: Object.values(errors)[0] ?? 'The note could not be read.', errors },
        { status: 422, headers: NO_STORE },
      );
    }
    const result = await addArticleNote(access.articleId, body.data.version, { kind: body.data.kind, text: body.data.text }, access.actor);
    if (result.ok) expireTags(result.invalidates);
    return saveResponse(result);
  });
}
