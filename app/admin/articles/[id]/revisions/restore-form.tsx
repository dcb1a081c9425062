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
        <p>
          Its text becomes the article&rsquo;s — on a live or scheduled story as pending changes, which readers see only after
          Update. The current text stays in the history.
        </p>
        <label className="mt-3 flex items-center gap-1.5 text-sm">
          <input type="checkbox" name="restoreAddress" className="size-4 accent-ink" />
          Also restore the address (section and slug) of version {version}
        </label>
      </ConfirmDialog>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'restore-error' : 'restore-message'} />
    </form>
  );
}
