'use client';

import { useId, useState, useTransition } from 'react';
import { createPreviewLinkAction, type PreviewLinkResult } from '@/app/admin/preview-actions';

function formatExpiry(iso: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  };
  try {
    return new Date(iso).toLocaleString('en-US', { ...options, timeZone });
  } catch {
    // An unknown zone name: the browser's own zone, named in the text.
    return new Date(iso).toLocaleString('en-US', options);
  }
}

// Preview for the desk: open the unpublished article as readers will see it (signed-in staff
// only), or make a 24-hour share link for someone outside the newsroom.
export function PreviewLinks({ articleId, timeZone }: { articleId: number; timeZone?: string }) {
  const [result, setResult] = useState<PreviewLinkResult | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputId = useId();

  const create = () =>
    startTransition(async () => {
      setCopied(false);
      try {
        setResult(await createPreviewLinkAction(articleId));
      } catch {
        setResult({ ok: false, error: 'The share link could not be made. Try again.' });
      }
    });

  return (
    <div className="space-y-3" data-testid="preview-links">
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={`/preview/${articleId}`}
          target="_blank"
          rel="noopener"
          className="inline-flex items-center rounded-md border border-rule bg-paper px-4 py-2 text-sm font-semibold hover:border-ink"
        >
          Open preview<span className="sr-only"> (opens in a new tab)</span>
          <span aria-hidden="true">&nbsp;↗</span>
        </a>
        <button
          type="button"
          onClick={create}
          disabled={pending}
          aria-disabled={pending}
          className="inline-flex items-center rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper hover:bg-ink/85 disabled:opacity-60"
        >
          {pending ? 'Creating link…' : result?.ok ? 'Create a new share link' : 'Create share link'}
        </button>
      </div>
      <div aria-live="polite">
        {result?.ok ? (
          <div className="space-y-1.5">
            <label htmlFor={inputId} className="block text-sm font-semibold">
              Share link
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id={inputId}
                readOnly
                data-testid="preview-share-url"
                value={result.url}
                onFocus={(e) => e.currentTarget.select()}
                className="min-w-0 flex-1 rounded-md border border-rule bg-panel px-2 py-1.5 font-mono text-xs"
              />
              <button
                type="button"
                onClick={() => navigator.clipboard?.writeText(result.url).then(() => setCopied(true), () => setCopied(false))}
                className="rounded-md border border-rule px-3 py-1.5 text-xs font-semibold hover:border-ink"
              >
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </div>
            <p className="text-xs text-muted">
              Anyone with this link can read the preview until{' '}
              <time dateTime={result.expiresAt}>{formatExpiry(result.expiresAt, timeZone)}</time>. Search engines are told
              not to index it.
            </p>
          </div>
        ) : result ? (
          <p role="alert" className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 text-sm font-medium text-accent">
            {result.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
