'use client';

import { useActionState } from 'react';
import { ConfirmDialog, FormMessage } from '@/components/ui';
import { restoreRevisionAction, type RestoreState } from './actions';

export function RestoreRevisionForm({
  articleId,
  revisionId,
  version,
  expectedVersion,
}: {
  articleId: number;
  revisionId: number;
  version: number;
  expectedVersion: number;
}) {
  const [state, action] = useActionState<RestoreState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <ConfirmDialog
        opener={
          <>
            Restore this revision<span className="sr-only"> (version {version})</span>
          </>
        }
        openerClassName="inline-flex items-center rounded-md border border-rule bg-paper px-4 py-2 text-left text-sm font-semibold hover:border-ink"
        title={`Restore version ${version}?`}
        confirmLabel="Restore"
        tone="primary"
      >
        <p>Its text replaces what the article says now, as a new save. The current text stays in the history.</p>
      </ConfirmDialog>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'restore-error' : 'restore-message'} />
    </form>
  );
}
