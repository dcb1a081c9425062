'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { z } from 'zod';
import { describeDropped, restoreRevision } from '@/db/mutations/revisions';
import { getRevisionArticle } from '@/db/queries/revisions';
import { authorizeAction, FORBIDDEN_MESSAGE } from '@/lib/auth-guards';
import { canChangeArticle } from '@/lib/permissions';

export interface RestoreState {
  ok?: boolean;
  message?: string;
  error?: string;
}

const restoreSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().positive(),
});

// Restores an old revision as a new save. A restore is a change like any save: whoever may change
// the article may restore (lib/permissions.ts canChangeArticle — a live or scheduled article needs
// the right to publish), checked here whatever the page showed.
export async function restoreRevisionAction(_previous: RestoreState, formData: FormData): Promise<RestoreState> {
  const parsed = restoreSchema.safeParse({
    articleId: formData.get('articleId'),
    revisionId: formData.get('revisionId'),
    expectedVersion: formData.get('expectedVersion'),
  });
  if (!parsed.success) return { error: 'That restore request is not valid.' };
  const { articleId, revisionId, expectedVersion } = parsed.data;
  const article = await getRevisionArticle(articleId);
  // Without the article there is no owner: 'own'-scoped roles are refused, editors told it is gone.
  const auth = await authorizeAction('article.edit', article ? { ownerId: article.createdBy } : undefined);
  if (!auth.ok) return { error: auth.error };
  if (!article) return { error: 'This article no longer exists.' };
  if (!canChangeArticle(auth.user, 'article.edit', { ownerId: article.createdBy, status: article.status })) {
    return { error: `${FORBIDDEN_MESSAGE} This article is live; ask an editor to restore an earlier version.` };
  }

  const result = await restoreRevision(articleId, revisionId, expectedVersion, auth.actor);
  if (!result.ok) {
    switch (result.reason) {
      case 'conflict':
        return {
          error: `Not restored: the article was saved since you opened this page (it is now at version ${result.current.version}). Reload the page to see the latest revisions, then restore again.`,
        };
      case 'invalid':
        return { error: `Not restored: ${Object.values(result.errors).join(' ')}` };
      case 'not_found':
        return { error: 'Not restored: that revision does not belong to this article.' };
    }
  }
  expireTagsInAction(result.invalidates);
  refresh();
  const dropped = describeDropped(result.dropped);
  return {
    ok: true,
    message: `Revision ${result.restoredVersion} restored as version ${result.version}.${dropped ? ` ${dropped}` : ''}`,
  };
}
