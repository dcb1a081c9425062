'use server';

import { z } from 'zod';
import { recordAudit } from '@/db/mutations/audit';
import { revokePreviewLinks } from '@/db/mutations/preview-links';
import type { FormState } from '@/server/newsroom-api';
import { openArticle } from '@/lib/newsroom/permissions';
import { createPreviewToken, previewPath } from '@/platform/preview-token';
import { absoluteUrl } from '@/lib/site/url';
import { ARTICLE_MISSING, findArticle, type FoundArticle } from '@/server/articles';
import { adminCommand, refuse } from '@/server/door';

// Share links are for whoever may edit the article (not in the trash).
const article = { permission: openArticle, input: z.coerce.number().int().positive(), resource: (id: number) => findArticle(id), missing: ARTICLE_MISSING };

export type PreviewLinkResult = (FormState & { ok: true; url: string; expiresAt: string }) | (FormState & { ok?: false });

// A share link to an article's preview, valid for 24 hours. The link is a signed token
// (platform/preview-token.ts): nothing is stored per link, and the token is kept out of the audit log,
// which records only that a link was made and until when it works.
export const createPreviewLinkAction = adminCommand<number, number, FoundArticle, PreviewLinkResult>({
  ...article,
  run: async (id, { actor }) => {
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
  },
});

export type RevokePreviewLinksResult = (FormState & { ok: true; revokedAt: string }) | (FormState & { ok?: false });

// Withdraws every share link made so far for the article (a link sent to the wrong person, a
// story pulled): holders see "withdrawn" instead of the preview. New links can be made after.
export const revokePreviewLinksAction = adminCommand<number, number, FoundArticle, RevokePreviewLinksResult>({
  ...article,
  run: async (id, { actor }) => {
    const result = await revokePreviewLinks(id, actor);
    if (!result.ok) return refuse('not_found', ARTICLE_MISSING);
    return { ok: true, revokedAt: result.revokedAt.toISOString() };
  },
});
