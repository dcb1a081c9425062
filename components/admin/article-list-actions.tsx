'use client';

import { useActionState } from 'react';
import { deleteArticleFormAction, restoreArticleFormAction, type TrashActionResult } from '@/app/admin/articles/actions';
import { SubmitButton } from '@/components/ui';

// Delete (with a confirm step) and Restore buttons of one row in the article list.

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
    <details className="text-sm">
      <summary className="cursor-pointer list-none rounded-md border border-rule px-3 py-1.5 text-center font-semibold text-accent hover:border-accent">
        Delete<span className="sr-only"> “{title}”</span>
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <p className="max-w-56 text-xs text-muted">It leaves the site at once; an editor can restore it.</p>
        <SubmitButton variant="danger" pendingText="Deleting…">
          Confirm delete<span className="sr-only"> of “{title}”</span>
        </SubmitButton>
      </form>
      <Feedback state={state} />
    </details>
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
