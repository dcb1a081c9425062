'use server';

import { z } from 'zod';
import { createRedirect, deleteRedirect } from '@/db/mutations/redirects';
import type { FormState } from '@/server/newsroom-api';
import { REDIRECT_PROBLEM_MESSAGES } from '@/lib/site/redirects';
import { adminAction, adminCommand, fieldError, formTexts, refuse } from '@/server/door';

export type RedirectFormState = FormState<{ from: string; to: string }>;

// One mutation, then the cached redirect look-up expires so the very next public request for the
// old address sees the change.

const redirectValues = formTexts({ from: 500, to: 500 });

export const createRedirectAction = adminAction({
  permission: 'redirect.manage',
  values: redirectValues,
  input: z.object({ from: z.string(), to: z.string() }),
  run: async ({ from, to }, { actor }) => {
    const result = await createRedirect({ from, to }, actor);
    if (!result.ok) {
      const field = result.reason === 'invalid-from' || result.reason === 'duplicate' ? 'from' : 'to';
      return fieldError(field, REDIRECT_PROBLEM_MESSAGES[result.reason]);
    }
    return { ok: true, message: `${result.from} now redirects to ${result.to}.`, values: { from: '', to: '' }, invalidates: result.invalidates };
  },
});

const removeRedirect = adminCommand<FormData, { id: number }>({
  permission: 'redirect.manage',
  input: z.object({ id: z.coerce.number().int().positive() }),
  run: async ({ id }, { actor }) => {
    const result = await deleteRedirect(id, actor);
    if (!result.ok) return refuse('not_found', 'That redirect no longer exists.');
    return { ok: true, message: 'Redirect deleted.', invalidates: result.invalidates };
  },
});

// A plain form's action (the list's "Confirm delete"): the list itself shows the result.
export async function deleteRedirectAction(formData: FormData): Promise<void> {
  await removeRedirect(formData);
}
