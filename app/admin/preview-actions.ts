'use server';

import { recordAudit } from '@/db/mutations/audit';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { authorizeAction } from '@/lib/auth-guards';
import { createPreviewToken, previewPath } from '@/lib/preview-token';
import { absoluteUrl } from '@/lib/site-url';

export type PreviewLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };

// A share link to an article's preview, valid for 24 hours, for whoever may edit the article.
// The link is a signed token (lib/preview-token.ts): nothing is stored, and the token itself is
// kept out of the audit log, which records only that a link was made and until when it works.
export async function createPreviewLinkAction(articleId: number): Promise<PreviewLinkResult> {
  const id = Number(articleId);
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, error: 'That article does not exist.' };
  const found = await getArticleOwnership(id);
  const article = found && !found.deleted ? found : null;
  const auth = await authorizeAction('article.edit', article ? { ownerId: article.createdBy } : undefined);
  if (!auth.ok) return { ok: false, error: auth.error };
  if (!article) return { ok: false, error: 'That article does not exist.' };

  const { token, expiresAt } = createPreviewToken(id);
  await recordAudit({
    action: 'article.preview_link',
    actorId: auth.actor.id,
    actorEmail: auth.actor.email,
    ip: auth.actor.ip,
    targetType: 'article',
    targetId: id,
    details: { expiresAt: expiresAt.toISOString() },
  });
  return { ok: true, url: absoluteUrl(previewPath(id, token)), expiresAt: expiresAt.toISOString() };
}
