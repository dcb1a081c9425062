'use server';

import { z } from 'zod';
import { describeDropped, restoreRevision } from '@/db/mutations/revisions';
import type { FormState } from '@/server/newsroom-api';
import { changeArticle } from '@/lib/newsroom/permissions';
import { confirmedSchema } from '@/lib/validation/confirm';
import { ARTICLE_MISSING, findArticle } from '@/server/articles';
import { adminAction, refuse } from '@/server/door';

export type RestoreState = FormState;

// Restores an old revision: a draft's as a new save, a live or scheduled article's into its pending
// changes (db/mutations/revisions.ts). A restore is a change like any save: whoever may change the
// article may restore (a live or scheduled article needs the right to publish). The address stays
// unless "also restore the address" is ticked (a checkbox: present only when ticked).
export const restoreRevisionAction = adminAction({
  permission: changeArticle('article.edit'),
  fields: ['confirm'],
  input: z.object({
    articleId: z.coerce.number().int().positive(),
    revisionId: z.coerce.number().int().positive(),
    expectedVersion: z.coerce.number().int().positive(),
    confirm: confirmedSchema('restore this revision'),
    restoreAddress: z.literal('on').optional(),
  }),
  resource: ({ articleId }) => findArticle(articleId),
  missing: ARTICLE_MISSING,
  run: async ({ articleId, revisionId, expectedVersion, restoreAddress }, { actor }) => {
    const result = await restoreRevision(articleId, revisionId, expectedVersion, actor, { restoreAddress: restoreAddress === 'on' });
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
        case 'pending_changes':
          return refuse(
            'conflict',
            `Not restored: this story has pending changes${result.savedBy ? ` by ${result.savedBy}` : ''} that a restore would replace. Open the editor to publish them (Update) or discard them, then restore.`,
          );
      }
    }
    const dropped = describeDropped(result.dropped);
    const done = result.pending
      ? `Revision ${result.restoredVersion} is now the pending changes: nothing changed for readers. Open the editor to check them, then press Update.`
      : `Revision ${result.restoredVersion} restored as version ${result.version}.`;
    return {
      ok: true,
      message: `${done}${dropped ? ` ${dropped}` : ''}`,
      invalidates: result.invalidates,
    };
  },
});
