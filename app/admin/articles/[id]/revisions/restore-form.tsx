'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui';
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
      <label className="flex items-center justify-end gap-1.5 text-xs">
        <input type="checkbox" name="restoreAddress" className="size-3.5 accent-ink" />
        Also restore the address<span className="sr-only"> of version {version}</span>
      </label>
      <SubmitButton variant="secondary" pendingText="Restoring…" className="text-left">
        Restore this revision<span className="sr-only"> (version {version})</span>
      </SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'restore-error' : 'restore-message'} />
    </form>
  );
}
