import type { MediaListItem } from '@/db/queries/media';

// The library as a grid of cards: thumbnail, description, and what still needs doing.

export function MediaBadges({ alt, rightsExpired }: { alt: string; rightsExpired: boolean }) {
  if (alt && !rightsExpired) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {!alt ? (
        <span className="rounded border border-accent px-1.5 py-0.5 text-xs font-semibold text-accent">Needs alt text</span>
      ) : null}
      {rightsExpired ? <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-accent-ink">Rights expired</span> : null}
    </span>
  );
}

export function MediaGrid({ items }: { items: MediaListItem[] }) {
  return (
    <ul className="grid grid-cols-2 gap-4 p-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="media-grid">
      {items.map((item) => (
        <li key={item.id} data-testid={`media-item-${item.id}`} className="overflow-hidden rounded-md border border-rule bg-paper">
          <a href={`/admin/media/${item.id}`} className="group block focus-visible:outline-2 focus-visible:outline-accent">
            <span className="block aspect-[4/3] bg-panel">
              {/* A resized variant already; next/image would add an inline style the newsroom CSP refuses. The text below names the image. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={item.thumbnailUrl} alt="" width={item.width} height={item.height} loading="lazy" decoding="async" className="h-full w-full object-cover" />
            </span>
            <span className="block space-y-1.5 p-3">
              <span className="line-clamp-2 block text-sm font-medium break-words group-hover:underline">
                {item.alt || item.caption || item.originalName}
              </span>
              <span className="block truncate text-xs text-muted">
                {item.credit || item.originalName} · {item.width}×{item.height}
              </span>
              <MediaBadges alt={item.alt} rightsExpired={item.rightsExpired} />
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
