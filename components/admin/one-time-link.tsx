'use client';

import { useState } from 'react';

// Shown once, right after an invitation or reset: the admin copies it to the person.
export function OneTimeLink({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <input
        readOnly
        aria-label="One-time link"
        data-testid="one-time-link"
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-rule bg-panel px-2 py-1.5 font-mono text-xs"
      />
      <button
        type="button"
        onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true))}
        className="rounded-md border border-rule px-3 py-1.5 text-xs font-semibold hover:border-ink"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
