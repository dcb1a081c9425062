'use client';

import { useState } from 'react';
import { formatDateTime } from '@/lib/time/dates';
import type { ArticleSync, PendingInfo } from './article-sync';

// A live or scheduled article's changes that readers do not see yet (article-sync.ts autosaves
// them to the server, db/mutations/working-copies.ts): who last changed them and when, that
// "Update" publishes them, and "Discard pending changes", asked twice because it throws work
// away for everyone who sees them.
export function PendingChanges({
  info,
  sync,
  disabled,
  timeZone,
}: {
  info: PendingInfo | null;
  sync: ArticleSync;
  disabled: boolean;
  // The newsroom's, as every date on the desk.
  timeZone: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function discard() {
    setBusy(true);
    setError(null);
    const refusal = await sync.discardPending();
    setBusy(false);
    setConfirming(false);
    if (refusal) setError(refusal);
  }

  const who = info ? (info.mine ? 'you' : (info.by ?? 'a former colleague')) : null;
  return (
    <section aria-labelledby="pending-title" data-testid="pending-changes" className="rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <h2 id="pending-title" className="font-bold">
        Pending changes — not public yet
      </h2>
      <p>
        {who && info ? (
          <>
            Last changed by <strong data-testid="pending-by">{who}</strong> at <time dateTime={info.at}>{formatDateTime(new Date(info.at), timeZone)}</time>.{' '}
          </>
        ) : null}
        Every editor who opens this story sees them. Press <strong>Update</strong> to publish them.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {confirming ? (
          <>
            <span className="font-semibold">Discard every pending change to this story?</span>
            <button
              type="button"
              onClick={() => void discard()}
              disabled={busy}
              className="rounded-md border border-accent px-3 py-1.5 font-semibold text-accent hover:bg-accent hover:text-accent-ink disabled:opacity-50"
            >
              Yes, discard them
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-paper px-3 py-1.5 font-semibold">
              Keep them
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={disabled}
            className="rounded-md border border-rule bg-paper px-3 py-1.5 font-semibold disabled:opacity-50"
          >
            Discard pending changes
          </button>
        )}
      </div>
      {error ? <p className="mt-2 font-medium text-accent">{error}</p> : null}
    </section>
  );
}
