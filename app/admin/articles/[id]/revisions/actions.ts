'use server';

import { z } from 'zod';
import { describeDropped, restoreRevision } from '@/db/mutations/revisions';
import type { FormState } from '@/server/newsroom-api';
import { changeArticle } from '@/lib/newsroom/permissions';
import { confirmedSchema } from '@/lib/validation/confirm';
import { ARTICLE_MISSING, findArticle } from '@/server/articles';
import { adminAction, refuse } from '@/server/door';

export type RestoreState = FormState;

// Restores an old revision as a new save. A restore is a change like any save: whoever may change
// the article may restore (a live or scheduled article needs the right to publish).
export const restoreRevisionAction = adminAction({
  permission: changeArticle('article.edit'),
  fields: ['confirm'],
  input: z.object({
    articleId: z.coerce.number().int().positive(),
    revisionId: z.coerce.number().int().positive(),
    expectedVersion: z.coerce.number().int().positive(),
    confirm: confirmedSchema('restore this revision'),
  }),
  resource: ({ articleId }) => findArticle(articleId),
  missing: ARTICLE_MISSING,
  run: async ({ articleId, revisionId, expectedVersion }, { actor }) => {
    const result = await restoreRevision(articleId, revisionId, expectedVersion, actor);
    if (!result.ok) {
      switch (result.reason) {
        case 'conflict':
          return refuse(
            'conflict',
            `Not restored: the article was saved since you opened this page (it is now at version ${result.current.version}). Reload the page to see the latest revisions, then restore again.`,
          );
        case 'invalid':
          return refuse('invalid', `Not restored: ${Object.values(result.errors).join(' ')}`);
        case 'not_found':
          return refuse('not_found', 'Not restored: that revision does not belong to this article.');
      }
    }
    const dropped = describeDropped(result.dropped);
    return {
      ok: true,
      message: `Revision ${result.restoredVersion} restored as version ${result.version}.${dropped ? ` ${dropped}` : ''}`,
      invalidates: result.invalidates,
    };
  },
});
