import { updateArticle } from '@/db/mutations/articles';
import { getArticleForEditor } from '@/db/queries/editor';
import type { ArticleLoaded } from '@/server/newsroom-api';
import { changeArticle, openArticle } from '@/lib/newsroom/permissions';
import { ARTICLE_BODY_LIMIT } from '@/server/request-body';
import { articleInputSchema } from '@/lib/validation/article';
import { saveRequestSchema } from '@/lib/validation/editor';
import { ARTICLE_MISSING, articleParams, findArticle, saveOutcome } from '@/server/articles';
import { adminRoute, refuse } from '@/server/door';

// The editor's save (autosave and "Save"): the whole article, with the version the editor
// started from. A stale version is a 409 carrying the other save; nothing is overwritten.
export const PUT = adminRoute({
  permission: changeArticle('article.edit'),
  params: articleParams,
  resource: ({ id }) => findArticle(id),
  missing: ARTICLE_MISSING,
  body: {
    schema: saveRequestSchema.extend({ article: articleInputSchema }),
    limit: ARTICLE_BODY_LIMIT,
    invalid: 'Some fields need attention.',
  },
  log: 'PUT /api/admin/articles/[id]',
  run: async ({ params, body }, { actor }) =>
    saveOutcome(await updateArticle(params.id, body.version, body.article, actor, { substantive: body.substantive })),
});

// The article as the editor loads it: after a conflict, to show the other save side by side.
export const GET = adminRoute({
  permission: openArticle,
  params: articleParams,
  resource: ({ id }) => findArticle(id),
  missing: ARTICLE_MISSING,
  run: async ({ params }) => {
    const article = await getArticleForEditor(params.id);
    return article ? { ok: true, body: { article } satisfies ArticleLoaded } : refuse('not_found', ARTICLE_MISSING);
  },
});
