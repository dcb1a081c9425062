'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { createRedirect, deleteRedirect } from '@/db/mutations/redirects';
import { authorizeAction } from '@/lib/auth-guards';
import { REDIRECT_PROBLEM_MESSAGES } from '@/lib/redirects';
import { userIdSchema, type FormState } from '@/lib/validation/auth';

export interface RedirectFormState extends FormState {
  values?: { from: string; to: string };
}

// Check the role, one mutation, then expire the cached redirect look-up so the very next
// public request for the old address sees the change.

export async function createRedirectAction(_previous: RedirectFormState, formData: FormData): Promise<RedirectFormState> {
  const from = String(formData.get('from') ?? '').slice(0, 500);
  const to = String(formData.get('to') ?? '').slice(0, 500);
  const values = { from, to };
  const auth = await authorizeAction('redirect.manage');
  if (!auth.ok) return { error: auth.error, values };
  const result = await createRedirect({ from, to }, auth.actor);
  if (!result.ok) {
    const field = result.reason === 'invalid-from' || result.reason === 'duplicate' ? 'from' : 'to';
    return { error: REDIRECT_PROBLEM_MESSAGES[result.reason], fieldErrors: { [field]: [REDIRECT_PROBLEM_MESSAGES[result.reason]] }, values };
  }
  expireTagsInAction(result.invalidates);
  refresh();
  return { ok: true, message: `${result.from} now redirects to ${result.to}.`, values: { from: '', to: '' } };
}

export async function deleteRedirectAction(formData: FormData): Promise<void> {
  const auth = await authorizeAction('redirect.manage');
  if (!auth.ok) return;
  const id = userIdSchema.safeParse(formData.get('id'));
  if (!id.success) return;
  const result = await deleteRedirect(id.data, auth.actor);
  if (result.ok) expireTagsInAction(result.invalidates);
  refresh();
}
