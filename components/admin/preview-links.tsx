'use client';

import { useId, useState, useTransition } from 'react';
import { createPreviewLinkAction, revokePreviewLinksAction, type PreviewLinkResult, type RevokePreviewLinksResult } from '@/app/admin/preview-actions';

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
  const [confirming, setConfirming] = useState(false);
  const [revoked, setRevoked] = useState<RevokePreviewLinksResult | null>(null);
  const inputId = useId();

  const revoke = () =>
    startTransition(async () => {
      setConfirming(false);
      try {
        const outcome = await revokePreviewLinksAction(articleId);
        setRevoked(outcome);
        // The link on screen was made before the withdrawal: it no longer works.
        if (outcome.ok) setResult(null);
      } catch {
        setRevoked({ ok: false, error: 'The links could not be withdrawn. Try again.' });
      }
    });

  const create = () =>
    startTransition(async () => {
      setCopied(false);
      setRevoked(null);
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
        {revoked?.ok ? (
          <p data-testid="preview-links-revoked" className="text-sm">
            Every share link made until{' '}
            <time dateTime={revoked.revokedAt}>{formatExpiry(revoked.revokedAt, timeZone)}</time> has stopped working. A
            new link can be made at any time.
          </p>
        ) : revoked ? (
          <p role="alert" className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 text-sm font-medium text-accent">
            {revoked.error}
          </p>
        ) : null}
      </div>
      <div className="border-t border-rule pt-3 text-sm">
        {confirming ? (
          <div role="group" aria-label="Withdraw share links" className="space-y-2">
            <p>Withdraw every share link made so far for this article? Anyone holding one will see that it was withdrawn.</p>
            <div className="flex gap-2">
              <button
                type="button"
                onClick={revoke}
                disabled={pending}
                className="rounded-md bg-accent px-3 py-1.5 font-semibold text-accent-ink disabled:opacity-60"
              >
                Withdraw links
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule px-3 py-1.5 font-semibold hover:border-ink">
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="font-semibold text-accent underline-offset-2 hover:underline">
            Withdraw share links…
          </button>
        )}
      </div>
    </div>
  );
}
