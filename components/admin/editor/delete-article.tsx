'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteArticleAction } from '@/app/admin/articles/actions';
import { ConfirmDialog } from '@/components/ui';
import { localCopyKey } from '@/lib/articles/draft';
import type { ArticleSync } from './article-sync';
import { decideDeleteResult, DELETE_OFFLINE, deleteForm } from './editor-answers';

// Deleting from the editor. Unlike the rest of the editor, which reaches the server only through
// newsroom-client.ts and article-sync.ts, this calls the server action deleteArticleAction
// (app/admin/articles/actions.ts): the article list's delete buttons use that same action as
// plain forms, which work without JavaScript, so there is one delete with one permission and
// version check. This file is the editor's only import from app/.
export function DeleteArticle({ articleId, sync }: { articleId: number; sync: ArticleSync }) {
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();

  async function remove() {
    setError(null);
    try {
      const refusal = decideDeleteResult(await deleteArticleAction(deleteForm(articleId, sync.getSnapshot().version)));
      if (refusal) {
        setError(refusal);
        return;
      }
      // Nothing left to save, and no copy worth offering back.
      sync.dispose();
      localStorage.removeItem(localCopyKey(articleId));
      router.push('/admin/articles');
    } catch {
      setError(DELETE_OFFLINE);
    }
  }

  return (
    <div className="rounded-lg border border-rule bg-paper p-4 text-sm">
      <ConfirmDialog
        opener="Delete article…"
        openerClassName="font-semibold text-accent underline-offset-2 hover:underline"
        title="Delete this article?"
        confirmLabel="Delete this article"
        onConfirm={() => void remove()}
      >
        <p>The article leaves the site and the lists. An editor can restore it from the Deleted tab of the article list.</p>
      </ConfirmDialog>
      {error ? <p className="mt-2 font-medium text-accent">{error}</p> : null}
    </div>
  );
}
