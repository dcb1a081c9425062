'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorDraft } from '@/lib/articles/draft';
import { ArticleSync, type SyncOptions } from './article-sync';

// One ArticleSync for as long as the editor is on screen (article-sync.ts keeps the draft safe),
// read by React through useSyncExternalStore, and the page events that concern unsaved work:
// the connection coming back (save what waited), Ctrl+S (save now) and leaving the page (keep a
// copy in this browser and ask the browser to warn).
export function useArticleSync({
  articleId,
  version,
  initial,
  pendingMode,
  pending,
}: {
  articleId: number | null;
  version: number | null;
  initial: EditorDraft;
  // A live or scheduled article autosaves to its pending changes, which wait for "Update".
  pendingMode: boolean;
  pending: SyncOptions['pending'];
}) {
  const [sync] = useState(
    () =>
      new ArticleSync({
        articleId,
        version,
        initial,
        pendingMode,
        pending,
        onCreated: (id) => window.history.replaceState(null, '', `/admin/articles/${id}`),
      }),
  );
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot, sync.getSnapshot);

  useEffect(() => {
    const online = () => sync.retry();
    const keys = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void sync.save();
      }
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (sync.isDirty()) {
        sync.writeLocal();
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('online', online);
    window.addEventListener('keydown', keys);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('keydown', keys);
      window.removeEventListener('beforeunload', beforeUnload);
      sync.dispose();
    };
  }, [sync]);

  return { sync, snapshot };
}
