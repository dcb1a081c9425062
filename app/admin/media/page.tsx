import type { Metadata } from 'next';
import { EmptyState, ListPage, ListPager, ListSearch, readListParams } from '@/components/ui';
import { listMedia, MEDIA_PER_PAGE } from '@/db/queries/media';
import { requirePermission } from '@/server/session';
import { maxUploadBytes } from '@/platform/media-upload';
import { LibraryUploader } from './library-uploader';
import { MediaGrid } from './media-grid';

export const metadata: Metadata = { title: 'Media library' };

export default async function MediaLibraryPage({ searchParams }: PageProps<'/admin/media'>) {
  await requirePermission('media.upload');
  const params = await searchParams;
  const { q, page: requested } = readListParams(params, 200);
  const deleted = params.deleted === '1';
  const { rows, total, page } = await listMedia({ q, page: requested });
  const maxBytes = maxUploadBytes();
  return (
    <ListPage
      title="Media library"
      intro="Photos and graphics for articles. Each image is stored once and served resized; alt text is needed before an image goes into an article."
      notice={
        deleted ? (
          <p role="status" data-testid="form-message" className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
            The image and its file were deleted.
          </p>
        ) : null
      }
      create={{ headingId: 'upload-title', title: 'Upload', children: <LibraryUploader maxBytes={maxBytes} /> }}
      list={{
        headingId: 'library-title',
        title: q ? 'Search results' : 'All images',
        count: total,
        search: <ListSearch action="/admin/media" label="Search images" placeholder="Alt text, caption, credit, file name" query={q} wide />,
      }}
    >
      {rows.length === 0 ? <EmptyState>{q ? 'No image matches that search.' : 'No images yet. Upload the first one above.'}</EmptyState> : <MediaGrid items={rows} />}
      <ListPager action="/admin/media" query={q} page={page} total={total} perPage={MEDIA_PER_PAGE} previousLabel="← Newer" nextLabel="Older →" />
    </ListPage>
  );
}
