import { addArticleNote } from '@/db/mutations/articles';
import { changeArticle } from '@/lib/newsroom/permissions';
import { SMALL_BODY_LIMIT } from '@/server/request-body';
import { noteRequestSchema } from '@/lib/validation/editor';
import { ARTICLE_MISSING, articleParams, findArticle, saveOutcome } from '@/server/articles';
import { adminRoute } from '@/server/door';

// Adds a public correction, clarification or update note to a published article. Whoever may
// publish the article may annotate it.
export const POST = adminRoute({
  permission: changeArticle('article.publish'),
  params: articleParams,
  resource: ({ id }) => findArticle(id),
  missing: ARTICLE_MISSING,
  body: { schema: noteRequestSchema, limit: SMALL_BODY_LIMIT },
  log: 'POST /api/admin/articles/[id]/notes',
  run: async ({ params, body }, { actor }) =>
    saveOutcome(await addArticleNote(params.id, body.version, { kind: body.kind, text: body.text, reason: body.reason }, actor)),
});
