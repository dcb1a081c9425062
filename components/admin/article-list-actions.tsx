'use client';

import { useActionState } from 'react';
import { deleteArticleFormAction, restoreArticleFormAction, type TrashActionResult } from '@/app/admin/articles/actions';
import { ConfirmDialog, SubmitButton } from '@/components/ui';

// Delete (asks first, components/ui/confirm-dialog.tsx) and Restore buttons of one row in the article list.

function Feedback({ state }: { state: TrashActionResult }) {
  if (state.error) {
    return (
      <p role="status" data-testid="form-error" className="mt-2 text-sm font-medium text-accent">
        {state.error}
      </p>
    );
  }
  return state.message ? (
    <p role="status" data-testid="form-message" className="mt-2 text-sm">
      {state.message}
    </p>
  ) : null;
}

export function DeleteArticleButton({ id, version, title }: { id: number; version: number; title: string }) {
  const [state, action] = useActionState(deleteArticleFormAction, { ok: false });
  return (
    <form action={action} className="text-sm">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <ConfirmDialog
        opener={
          <>
            Delete<span className="sr-only"> “{title}”</span>
          </>
        }
        openerClassName="rounded-md border border-rule px-3 py-1.5 text-center font-semibold text-accent hover:border-accent"
        title={`Delete “${title}”?`}
        confirmLabel="Confirm delete"
      >
        <p>It leaves the site and the lists at once. An editor can restore it from the Deleted tab.</p>
      </ConfirmDialog>
      <Feedback state={state} />
    </form>
  );
}

export function RestoreArticleButton({ id, title }: { id: number; title: string }) {
  const [state, action] = useActionState(restoreArticleFormAction, { ok: false });
  return (
    <form action={action} className="text-sm">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="Restoring…">
        Restore<span className="sr-only"> “{title}”</span>
      </SubmitButton>
      <Feedback state={state} />
    </form>
  );
}
