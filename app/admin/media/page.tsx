import type { Metadata } from 'next';
import { listMedia } from '@/db/queries/media';
import { requirePermission } from '@/lib/auth-guards';
import { maxUploadBytes } from '@/lib/media-upload';
import { LibraryUploader } from './library-uploader';
import { MediaGrid } from './media-grid';

export const metadata: Metadata = { title: 'Media library' };

export default async function MediaLibraryPage({ searchParams }: PageProps<'/admin/media'>) {
  await requirePermission('media.upload');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 200) : '';
  const pageParam = Number(typeof params.page === 'string' ? params.page : '1');
  const deleted = params.deleted === '1';
  const { rows, total, page, pageCount } = await listMedia({ q, page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1 });
  const link = (p: number) => `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const maxBytes = maxUploadBytes();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Media library</h1>
        <p className="mt-1 text-muted">
          Photos and graphics for articles. Each image is stored once and served resized; alt text is needed before an image
          goes into an article.
        </p>
      </div>

      {deleted ? (
        <p role="status" data-testid="form-message" className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
          The image and its file were deleted.
        </p>
      ) : null}

      <section aria-labelledby="upload-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="upload-title" className="mb-4 text-lg font-bold">
          Upload
        </h2>
        <LibraryUploader maxBytes={maxBytes} />
      </section>

      <section aria-labelledby="library-title" className="rounded-lg border border-rule bg-paper">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule px-6 py-4">
          <h2 id="library-title" className="text-lg font-bold">
            {q ? 'Search results' : 'All images'} <span className="font-normal text-muted">({total})</span>
          </h2>
          <form role="search" method="get" action="/admin/media" className="flex w-full gap-2 sm:w-auto">
            <label htmlFor="q" className="sr-only">
              Search images
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Alt text, caption, credit, file name"
              className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 py-1.5 text-sm sm:w-64 sm:flex-none"
            />
            <button type="submit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
              Search
            </button>
          </form>
        </div>
        {rows.length === 0 ? (
          <p className="px-6 py-6 text-muted">{q ? 'No image matches that search.' : 'No images yet. Upload the first one above.'}</p>
        ) : (
          <MediaGrid items={rows} />
        )}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex justify-between border-t border-rule px-6 py-3 text-sm">
            {page > 1 ? <a href={link(page - 1)}>← Newer</a> : <span />}
            <span className="text-muted">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <a href={link(page + 1)}>Older →</a> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
