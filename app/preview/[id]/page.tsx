import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ArticlePageView } from '@/components/article/article-page-view';
import { SiteChrome } from '@/components/site/site-chrome';
import { getArticleForPreview } from '@/db/queries/preview';
import { getSiteSettings } from '@/db/queries/site';
import { getCurrentUser } from '@/server/session';
import { formatDateTime } from '@/lib/time/dates';
import { can } from '@/lib/newsroom/permissions';
import { verifyPreviewToken } from '@/platform/preview-token';
import { ExpiredPreviewNotice } from '../expired-notice';
import { STATUS_LABELS } from '@/lib/articles/workflow';


// An article in any status, exactly as its public page will show it (same components, the
// site's masthead and footer), with a bar saying it is a preview. Open to signed-in staff who
// may edit the article, or to anyone with a valid share link (?token=, 24 hours). Never counts a
// view (no beacon) and is never cached (proxy.ts: private, no-store; noindex).
export default async function PreviewPage(props: PageProps<'/preview/[id]'>) {
  // Per request, never prerendered: the preview reads the clock and the session.
  await connection();
  const [{ id: rawId }, query] = await Promise.all([props.params, props.searchParams]);
  if (!/^\d{1,12}$/.test(rawId)) notFound();
  const id = Number(rawId);
  const token = typeof query.token === 'string' ? query.token : undefined;

  const [user, preview, settings] = await Promise.all([getCurrentUser(), getArticleForPreview(id), getSiteSettings()]);
  const asStaff = !!preview && can(user, 'article.edit', { ownerId: preview.createdBy });
  let sharedUntil: Date | null = null;
  if (!asStaff) {
    const check = verifyPreviewToken(token, id, { revokedAt: preview?.previewLinksRevokedAt });
    if (!check.ok) {
      if (check.reason !== 'invalid') {
        return (
          <SiteChrome>
            <ExpiredPreviewNotice withdrawn={check.reason === 'revoked'} />
          </SiteChrome>
        );
      }
      notFound();
    }
    sharedUntil = check.expiresAt;
  }
  if (!preview) notFound();

  const tz = settings.timeZone;
  const { article, status } = preview;
  const state =
    status === 'scheduled' && preview.scheduledAt
      ? `Scheduled for ${formatDateTime(new Date(preview.scheduledAt), tz)}`
      : STATUS_LABELS[status];

  return (
    <>
      <div role="region" aria-label="Preview" data-testid="preview-bar" className="bg-ink text-paper">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 text-sm">
          <p>
            <strong className="font-bold tracking-wide uppercase">
              {status === 'published' ? 'Preview' : 'Preview — not published'}
            </strong>
            <span aria-hidden="true"> · </span>
            <span>{state}</span>
            {sharedUntil ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>
                  Shared link, works until <time dateTime={sharedUntil.toISOString()}>{formatDateTime(sharedUntil, tz)}</time>
                </span>
              </>
            ) : null}
          </p>
          {asStaff ? (
            <p className="flex gap-4">
              <a href={`/admin/articles/${article.id}`} className="font-semibold text-paper underline">
                Back to the editor
              </a>
              <a href={`/admin/articles/${article.id}/revisions`} className="font-semibold text-paper underline">
                Revisions
              </a>
            </p>
          ) : null}
        </div>
      </div>
      <SiteChrome>
        <ArticlePageView article={article} timeZone={tz} preview />
      </SiteChrome>
    </>
  );
}
