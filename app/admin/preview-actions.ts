'use server';

import { recordAudit } from '@/db/mutations/audit';
import { revokePreviewLinks } from '@/db/mutations/preview-links';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { authorizeAction } from '@/lib/auth-guards';
import { createPreviewToken, previewPath } from '@/lib/preview-token';
import { absoluteUrl } from '@/lib/site-url';

// Share links are for whoever may edit the article (not in the trash).
async function mayEditArticle(articleId: number) {
  const id = Number(articleId);
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false as const, error: 'That article does not exist.' };
  const found = await getArticleOwnership(id);
  const article = found && !found.deleted ? found : null;
  const auth = await authorizeAction('article.edit', article ? { ownerId: article.createdBy } : undefined);
  if (!auth.ok) return { ok: false as const, error: auth.error };
  if (!article) return { ok: false as const, error: 'That article does not exist.' };
  return { ok: true as const, id, actor: auth.actor };
}

export type PreviewLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };

// A share link to an article's preview, valid for 24 hours, for whoever may edit the article.
// The link is a signed token (lib/preview-token.ts): nothing is stored per link, and the token is
// kept out of the audit log, which records only that a link was made and until when it works.
export async function createPreviewLinkAction(articleId: number): Promise<PreviewLinkResult> {
  const allowed = await mayEditArticle(articleId);
  if (!allowed.ok) return allowed;
  const { id, actor } = allowed;

  const { token, expiresAt } = createPreviewToken(id);
  await recordAudit({
    action: 'article.preview_link',
    actorId: actor.id,
    actorEmail: actor.email,
    ip: actor.ip,
    targetType: 'article',
    targetId: id,
    details: { expiresAt: expiresAt.toISOString() },
  });
  return { ok: true, url: absoluteUrl(previewPath(id, token)), expiresAt: expiresAt.toISOString() };
}

export type RevokePreviewLinksResult = { ok: true; revokedAt: string } | { ok: false; error: string };

// Withdraws every share link made so far for the article (a link sent to the wrong person, a
// story pulled): holders see "withdrawn" instead of the preview. New links can be made after.
export async function revokePreviewLinksAction(articleId: number): Promise<RevokePreviewLinksResult> {
  const allowed = await mayEditArticle(articleId);
  if (!allowed.ok) return allowed;
  const { id, actor } = allowed;
  const result = await revokePreviewLinks(id, actor);
  if (!result.ok) return { ok: false, error: 'That article does not exist.' };
  return { ok: true, revokedAt: result.revokedAt.toISOString() };
}
