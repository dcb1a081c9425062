import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui';
import { describeMediaUses, getMediaItem, getMediaUses, mediaVariantUrl } from '@/db/queries/media';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { formatDateTime } from '@/lib/time/dates';
import { can } from '@/lib/newsroom/permissions';
import { userIdSchema } from '@/lib/validation/auth';
import { expiryInputValue } from '@/lib/validation/media';
import { MediaBadges } from '../media-grid';
import { DeleteMediaForm, MediaDetailsForm } from './media-details-form';

export const metadata: Metadata = { title: 'Image' };

function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// Wide enough for the focal point picker on a desktop, far lighter than a camera original.
const PREVIEW_WIDTH = 1280;

export default async function MediaItemPage({ params }: PageProps<'/admin/media/[id]'>) {
  const user = await requirePermission('media.upload');
  const id = userIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [item, uses, { timeZone }] = await Promise.all([getMediaItem(id.data), getMediaUses(id.data), getSiteSettings()]);
  if (!item) notFound();
  const canEdit = can(user, 'media.edit', { ownerId: item.uploadedBy });
  const previewUrl = mediaVariantUrl(item.file, PREVIEW_WIDTH);

  return (
    <div className="space-y-8">
      <div>
        <a href="/admin/media" className="text-sm text-muted hover:text-ink">
          ← Media library
        </a>
        <h1 className="mt-2 font-serif text-3xl font-bold break-words">{item.alt || item.originalName}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>{item.originalName}</span>
          <span>
            {item.width}×{item.height} · {item.mimeType.replace('image/', '').toUpperCase()} · {formatFileSize(item.size)}
          </span>
          <span>
            Uploaded {item.uploaderName ? `by ${item.uploaderName}, ` : ''}
            {formatDateTime(item.createdAt, timeZone)}
          </span>
          <a href={item.url} className="underline underline-offset-2 hover:text-ink">
            Original file
          </a>
          <MediaBadges alt={item.alt} rightsExpired={item.rightsExpired} />
        </div>
      </div>

      <section aria-label="Details" className="rounded-lg border border-rule bg-paper p-6">
        {canEdit ? (
          <MediaDetailsForm
            id={item.id}
            previewUrl={previewUrl}
            width={item.width}
            height={item.height}
            initial={{
              alt: item.alt,
              caption: item.caption,
              credit: item.credit,
              sourceAgency: item.sourceAgency,
              usageRights: item.usageRights,
              rightsExpireAt: expiryInputValue(item.rightsExpireAt),
              focalX: String(item.focalX),
              focalY: String(item.focalY),
            }}
          />
        ) : (
          <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            {/* A resized variant already; next/image would add an inline style the newsroom CSP refuses. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={previewUrl} alt={item.alt} width={item.width} height={item.height} className="h-auto w-full rounded-md border border-rule" />
            <div className="space-y-4">
              <p className="rounded-md border border-rule bg-panel px-3 py-2 text-sm">
                Only the person who uploaded this image, or an editor, can change its details.
              </p>
              <dl className="space-y-3 text-sm">
                {(
                  [
                    ['Alt text', item.alt],
                    ['Caption', item.caption],
                    ['Credit', item.credit],
                    ['Source agency', item.sourceAgency],
                    ['Usage rights', item.usageRights],
                    ['Rights expire on', expiryInputValue(item.rightsExpireAt)],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <dt className="font-semibold">{label}</dt>
                    <dd className="text-muted">{value || '—'}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </div>
        )}
      </section>

      <Card headingId="uses-title" title="Where it is used" className="p-6" headingClassName="mb-3 text-lg font-bold">
        {uses.length === 0 ? (
          <p className="text-muted">Not used in any article or byline.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="media-uses">
            {uses.map((use) => (
              <li key={use.kind === 'avatar' ? `b${use.bylineId}` : `a${use.articleId}-${use.kind}`}>
                <Link
                  href={use.kind === 'avatar' ? `/admin/bylines#byline-${use.bylineId}` : `/admin/articles/${use.articleId}`}
                  className="text-accent underline-offset-2 hover:underline"
                >
                  {describeMediaUses([use])}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <div className="mt-6 border-t border-rule pt-4">
            <DeleteMediaForm id={item.id} name={item.originalName} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
