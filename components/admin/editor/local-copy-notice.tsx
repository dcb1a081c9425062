'use client';

import { useEffect, useState } from 'react';
import { localCopyKey, parseLocalCopy, sameDraft, type EditorDraft, type LocalCopy } from '@/lib/articles/draft';
import type { ArticleSync } from './article-sync';

// What this browser kept from an earlier session that the server never got (article-sync.ts
// writes it on every change), offered back once when the editor opens.
export function LocalCopyNotice({
  articleId,
  initial,
  sync,
}: {
  articleId: number | null;
  initial: EditorDraft;
  // Its restore replaces the draft, and the body editor reloads (ArticleSync's epoch).
  sync: ArticleSync;
}) {
  const [copy, setCopy] = useState<LocalCopy | null>(null);

  useEffect(() => {
    const kept = parseLocalCopy(localStorage.getItem(localCopyKey(articleId)));
    if (kept && !sameDraft(kept.draft, initial)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
      setCopy(kept);
    }
  }, [articleId, initial]);

  if (!copy) return null;
  return (
    <div data-testid="local-restore" className="flex flex-wrap items-center gap-3 rounded-md border border-ink bg-paper px-3 py-2 text-sm">
      <p className="flex-1">This browser kept changes you had not saved ({new Date(copy.at).toLocaleString()}). Restore them?</p>
      <button
        type="button"
        className="rounded-md bg-ink px-3 py-1.5 font-semibold text-paper"
        onClick={() => {
          sync.restore(copy);
          setCopy(null);
        }}
      >
        Restore my changes
      </button>
      <button
        type="button"
        className="rounded-md border border-rule px-3 py-1.5 font-semibold"
        onClick={() => {
          localStorage.removeItem(localCopyKey(articleId));
          setCopy(null);
        }}
      >
        Discard them
      </button>
    </div>
  );
}
