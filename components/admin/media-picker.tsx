'use client';

import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { MediaApiItem, MediaList } from '@/server/newsroom-api';
import { imageLabel } from '@/lib/media/rights';
import { newsroom } from './newsroom-client';
import { MediaUploader } from './media-uploader';

// The article editor's image chooser: a modal <dialog> (the browser traps focus and closes it
// on Escape) that searches the library, uploads on the spot, and will not hand over an image
// without alt text — it asks for it inline, saves it, then selects. An image whose usage rights
// have expired is handed over only after a warning: a draft may hold it, but the article will not
// be published with it (db/mutations/articles.ts).

export interface PickedMedia {
  id: number;
  // Display URL of a ~400 px variant.
  url: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

const FALLBACK_MAX_BYTES = 20 * 1024 * 1024;

function toPicked(item: MediaApiItem): PickedMedia {
  return { id: item.id, url: item.url, alt: item.alt, caption: item.caption, credit: item.credit, width: item.width, height: item.height };
}

export function MediaPicker({
  open,
  onSelect,
  onClose,
  title = 'Choose an image',
}: {
  open: boolean;
  onSelect: (m: PickedMedia) => void;
  onClose: () => void;
  title?: string;
}): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const searchId = useId();
  const altId = useId();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<MediaList | null>(null);
  const [loadError, setLoadError] = useState('');
  const [loading, setLoading] = useState(false);
  const [needsAlt, setNeedsAlt] = useState<MediaApiItem | null>(null);
  const [expired, setExpired] = useState<MediaApiItem | null>(null);
  const [altError, setAltError] = useState('');
  const [savingAlt, setSavingAlt] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      void newsroom.listMedia(query.trim(), page, controller.signal).then((answer) => {
        if (controller.signal.aborted) return;
        if (answer.ok) {
          setList(answer);
          setLoadError('');
        } else setLoadError(answer.error);
        setLoading(false);
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, page, reloadKey]);

  function choose(item: MediaApiItem, warned = false) {
    setAltError('');
    if (item.rightsExpired && !warned) {
      setNeedsAlt(null);
      setExpired(item);
      return;
    }
    setExpired(null);
    if (!item.alt.trim()) {
      setNeedsAlt(item);
      return;
    }
    setNeedsAlt(null);
    onSelect(toPicked(item));
  }

  async function saveAltAndChoose(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!needsAlt) return;
    const alt = String(new FormData(event.currentTarget).get('alt') ?? '').trim();
    if (!alt) {
      setAltError('Describe the image for readers who cannot see it.');
      return;
    }
    setSavingAlt(true);
    const result = await newsroom.saveAltText(needsAlt.id, alt);
    setSavingAlt(false);
    if (!result.ok) {
      setAltError(result.error);
      return;
    }
    setNeedsAlt(null);
    setReloadKey((k) => k + 1);
    onSelect(toPicked(result.item));
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => {
        setNeedsAlt(null);
        setExpired(null);
        if (open) onClose();
      }}
      className="m-auto max-h-[90vh] w-[min(64rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-rule bg-paper p-0 text-ink backdrop:bg-ink/50"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-rule bg-paper px-5 py-3">
        <h2 id={titleId} className="font-serif text-xl font-bold">
          {title}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
          Close
        </button>
      </div>

      <div className="space-y-5 p-5">
        <details className="rounded-md border border-rule">
          <summary className="cursor-pointer px-4 py-2 text-sm font-semibold">Upload new images</summary>
          <div className="border-t border-rule p-4">
            <MediaUploader
              compact
              maxBytes={list?.maxUploadBytes ?? FALLBACK_MAX_BYTES}
              onBatchDone={() => {
                setPage(1);
                setReloadKey((k) => k + 1);
              }}
              renderDone={(item) => (
                <button
                  type="button"
                  onClick={() => choose(item)}
                  aria-label={`Use this image: ${item.originalName}`}
                  className="shrink-0 rounded-md bg-ink px-3 py-1 text-sm font-semibold text-paper hover:bg-ink/85"
                >
                  Use this image
                </button>
              )}
            />
          </div>
        </details>

        {expired ? (
          <div role="alert" data-testid="rights-warning" className="space-y-2 rounded-md border border-accent bg-accent/5 p-4">
            <p className="text-sm font-semibold">The usage rights of “{imageLabel(expired)}” have expired.</p>
            <p className="text-sm">
              You can still put it in, but the article cannot be published, scheduled or updated while it shows this image.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={() => choose(expired, true)} className="rounded-md border border-accent px-4 py-2 text-sm font-semibold text-accent hover:bg-accent hover:text-accent-ink">
                Use it anyway
              </button>
              <button type="button" autoFocus onClick={() => setExpired(null)} className="rounded-md border border-rule px-4 py-2 text-sm font-semibold hover:border-ink">
                Choose another
              </button>
            </div>
          </div>
        ) : null}

        {needsAlt ? (
          <form onSubmit={saveAltAndChoose} noValidate className="space-y-2 rounded-md border border-accent/50 bg-accent/5 p-4" aria-label="Describe the image">
            <p className="text-sm font-semibold">
              “{needsAlt.originalName}” has no alt text yet. Describe it before it goes into the article.
            </p>
            <label htmlFor={altId} className="block text-sm font-semibold">
              Alt text
            </label>
            <input
              id={altId}
              name="alt"
              autoFocus
              maxLength={300}
              aria-invalid={!!altError}
              aria-describedby={altError ? `${altId}-error` : undefined}
              className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-base"
            />
            {altError ? (
              <p id={`${altId}-error`} role="alert" className="text-sm font-medium text-accent">
                {altError}
              </p>
            ) : null}
            <div className="flex gap-2">
              <button type="submit" disabled={savingAlt} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper hover:bg-ink/85 disabled:opacity-60">
                {savingAlt ? 'Saving…' : 'Save alt text and use image'}
              </button>
              <button type="button" onClick={() => setNeedsAlt(null)} className="rounded-md border border-rule px-4 py-2 text-sm font-semibold hover:border-ink">
                Cancel
              </button>
            </div>
          </form>
        ) : null}

        <div role="search">
          <label htmlFor={searchId} className="mb-1 block text-sm font-semibold">
            Search the library
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setPage(1);
            }}
            placeholder="Alt text, caption, credit, file name"
            className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-base"
          />
        </div>

        <div aria-busy={loading} aria-live="polite">
          {loadError ? <p className="text-sm font-medium text-accent">{loadError}</p> : null}
          {list && list.items.length === 0 ? (
            <p className="text-sm text-muted">{query ? 'No image matches that search.' : 'The library is empty. Upload an image above.'}</p>
          ) : null}
          {list && list.items.length > 0 ? (
            <p className="sr-only">
              {list.total === 1 ? '1 image' : `${list.total} images`}, page {list.page} of {list.pageCount}
            </p>
          ) : null}
        </div>

        {list && list.items.length > 0 ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4" data-testid="picker-grid">
            {list.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => choose(item)}
                  aria-pressed={needsAlt?.id === item.id}
                  className="group block w-full overflow-hidden rounded-md border border-rule bg-paper text-left hover:border-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent aria-pressed:border-accent"
                >
                  <span className="block aspect-[4/3] bg-panel">
                    {/* A resized variant already; next/image would add an inline style the newsroom CSP refuses. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={item.thumbnailUrl} alt="" width={item.width} height={item.height} loading="lazy" className="h-full w-full object-cover" />
                  </span>
                  <span className="block space-y-1 p-2">
                    <span className="line-clamp-2 block text-sm break-words">{item.alt || item.originalName}</span>
                    {!item.alt || item.rightsExpired ? (
                      <span className="flex flex-wrap gap-1">
                        {!item.alt ? <span className="rounded border border-accent px-1.5 text-xs font-semibold text-accent">Needs alt text</span> : null}
                        {item.rightsExpired ? <span className="rounded bg-accent px-1.5 text-xs font-semibold text-accent-ink">Rights expired</span> : null}
                      </span>
                    ) : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}

        {list && list.pageCount > 1 ? (
          <nav aria-label="Library pages" className="flex items-center justify-between text-sm">
            <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} className="rounded-md border border-rule px-3 py-1.5 font-semibold disabled:opacity-40">
              ← Newer
            </button>
            <span className="text-muted">
              Page {list.page} of {list.pageCount}
            </span>
            <button type="button" disabled={page >= list.pageCount} onClick={() => setPage((p) => p + 1)} className="rounded-md border border-rule px-3 py-1.5 font-semibold disabled:opacity-40">
              Older →
            </button>
          </nav>
        ) : null}
      </div>
    </dialog>
  );
}
