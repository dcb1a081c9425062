'use client';

import { useEffect, useState } from 'react';
import { newsroom } from '@/components/admin/newsroom-client';
import type { EditorArticle } from '@/db/queries/editor';
import { decideEditsArePending } from '@/lib/articles/pending';
import type { ArticleSync } from './article-sync';
import { decideMoveAnswer, decideMoveMayGo, type WorkflowState } from './editor-answers';
import type { WorkflowMove } from './workflow-panel';

// The article's place in the workflow and the one way to change it: save what the editor shows,
// then ask the workflow route for the move. The message slot is the workflow panel's; a refused
// note for readers reports there too (article-notes.tsx), so it is settable from outside.
export function useWorkflow(sync: ArticleSync, article: EditorArticle | null) {
  const [state, setState] = useState<WorkflowState & { reopened?: boolean }>({
    status: article?.status ?? 'draft',
    scheduledAt: article?.scheduledAt ?? null,
    publishedAt: article?.publishedAt ?? null,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A save of an approved article's content sends it back to review (db/mutations/articles.ts);
  // `reopened` says so until the next move.
  useEffect(
    () =>
      sync.onSaved((status) =>
        setState((s) => (s.status === status ? s : { ...s, status, reopened: s.status === 'approved' && status === 'in_review' })),
      ),
    [sync],
  );

  async function move(m: WorkflowMove) {
    setError(null);
    setBusy(true);
    try {
      const saved = await sync.save();
      const refusal = decideMoveMayGo({ saved, dirty: sync.isDirty(), articleId: sync.getSnapshot().articleId });
      if (refusal) {
        setError(refusal);
        return;
      }
      const { articleId, version } = sync.getSnapshot();
      const decided = decideMoveAnswer(await newsroom.moveArticle(articleId!, { version, ...m }));
      if (!decided.ok) {
        setError(decided.message);
        return;
      }
      sync.acknowledge(decided.version);
      // Live and scheduled articles autosave to pending changes, which wait for "Update".
      sync.setPendingMode(decideEditsArePending(decided.workflow.status));
      setState(decided.workflow);
    } finally {
      setBusy(false);
    }
  }

  return { ...state, reopened: state.reopened ?? false, busy, error, setError, move };
}
