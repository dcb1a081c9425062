import { createArticle } from '@/db/mutations/articles';
import { ARTICLE_BODY_LIMIT } from '@/server/request-body';
import { articleInputSchema } from '@/lib/validation/article';
import { saveOutcome } from '@/server/articles';
import { adminRoute } from '@/server/door';
import { z } from 'zod';

// Creates a draft: the editor's first autosave of a new article. Anyone in the newsroom may
// write their own drafts; the creator owns the article.
export const POST = adminRoute({
  permission: 'admin.access',
  body: { schema: z.object({ article: articleInputSchema }).transform((b) => b.article), limit: ARTICLE_BODY_LIMIT, invalid: 'Some fields need attention.' },
  log: 'POST /api/admin/articles',
  run: async ({ body }, { actor }) => saveOutcome(await createArticle(body, actor), 201),
});
