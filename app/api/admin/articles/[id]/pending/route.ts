import { discardWorkingCopy, saveWorkingCopy, type PendingDiscardResult, type PendingSaveResult } from '@/db/mutations/working-copies';
import type { PendingDiscarded, PendingSaved } from '@/server/newsroom-api';
import { changeArticle } from '@/lib/newsroom/permissions';
import { ARTICLE_BODY_LIMIT } from '@/server/request-body';
import { articleInputSchema } from '@/lib/validation/article';
import { pendingDiscardRequestSchema, pendingSaveRequestSchema } from '@/lib/validation/editor';
import { ARTICLE_MISSING, articleParams, findArticle } from '@/server/articles';
import { adminRoute, refuse } from '@/server/door';

// A live or scheduled article's pending changes (db/mutations/working-copies.ts): the editor's
// autosave (PUT) and "Discard pending changes" (DELETE). Whoever may change the article may
// change what is pending for it; nothing here reaches readers until "Update" (PUT ../).
const pending = {
  permission: changeArticle('article.edit'),
  params: articleParams,
  resource: ({ id }: { id: number }) => findArticle(id),
  missing: ARTICLE_MISSING,
};

const STALE = 'Someone else changed the pending changes, or applied or discarded them, since you opened this article.';

function refused(result: Exclude<PendingSaveResult | PendingDiscardResult, { ok: true }>) {
  return result.reason === 'conflict' ? refuse('conflict', STALE) : refuse('not_found', ARTICLE_MISSING);
}

export const PUT = adminRoute({
  ...pending,
  body: {
    schema: pendingSaveRequestSchema.extend({ article: articleInputSchema }),
    limit: ARTICLE_BODY_LIMIT,
    invalid: 'Some fields need attention.',
  },
  run: async ({ params, body }, { actor }) => {
    const result = await saveWorkingCopy(params.id, { revision: body.revision, baseVersion: body.baseVersion, content: body.article }, actor);
    if (!result.ok) return refused(result);
    return { ok: true, body: { revision: result.revision, baseVersion: result.baseVersion } satisfies PendingSaved, invalidates: result.invalidates };
  },
});

export const DELETE = adminRoute({
  ...pending,
  body: { schema: pendingDiscardRequestSchema, limit: 1024 },
  log: 'DELETE /api/admin/articles/[id]/pending',
  run: async ({ params, body }, { actor }) => {
    const result = await discardWorkingCopy(params.id, body.revision, actor);
    if (!result.ok) return refused(result);
    return { ok: true, body: { version: result.version } satisfies PendingDiscarded, invalidates: result.invalidates };
  },
});
