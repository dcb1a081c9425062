'use client';

import { useRouter } from 'next/navigation';
import { MediaUploader } from '@/components/admin/media-uploader';

// The library page's uploader: each finished file links to its page (alt text, credit,
// focal point), and the grid below refreshes once the batch is done.
export function LibraryUploader({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  return (
    <MediaUploader
      maxBytes={maxBytes}
      onBatchDone={() => router.refresh()}
      renderDone={(item) => (
        <a
          href={`/admin/media/${item.id}`}
          aria-label={`${item.alt ? 'Edit details' : 'Add alt text'}: ${item.originalName}`}
          className="shrink-0 font-semibold text-ink underline underline-offset-2"
        >
          {item.alt ? 'Edit details' : 'Add alt text'}
        </a>
      )}
    />
  );
}
