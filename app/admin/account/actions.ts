'use server';

import { refresh } from 'next/cache';
import { signIn, signOut } from '@/auth';
import { endAllSessions } from '@/db/mutations/sessions';
import { changeOwnPassword, updateOwnAccount } from '@/db/mutations/users';
import { getUserForSignIn } from '@/db/queries/users';
import { authorizeAction } from '@/lib/auth-guards';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { accountSchema, changePasswordSchema, type FormState } from '@/lib/validation/auth';

export async function updateAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('account.update_own');
  if (!auth.ok) return { error: auth.error };
  const parsed = accountSchema.safeParse({ name: formData.get('name'), bylineId: formData.get('bylineId') ?? '' });
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors };
  // Only ever the signed-in user's own row: the id comes from the session, not the form.
  const result = await updateOwnAccount(auth.user.id, parsed.data, auth.actor);
  if (!result.ok) return { error: result.reason === 'byline_taken' ? 'That byline belongs to someone else.' : 'Could not save.' };
  refresh();
  return { ok: true, message: 'Saved.' };
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('account.update_own');
  if (!auth.ok) return { error: auth.error };
  const parsed = changePasswordSchema.safeParse({
    current: formData.get('current'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors };
  const row = await getUserForSignIn(auth.user.email);
  if (!(await verifyPassword(row?.passwordHash, parsed.data.current))) {
    return { fieldErrors: { current: ['That is not your current password.'] } };
  }
  // Ends every session of this user, this one included; this browser gets a new one by signing
  // in again with the new password.
  const result = await changeOwnPassword(auth.user.id, await hashPassword(parsed.data.password), auth.actor);
  if (!result.ok) return { error: 'Could not save.' };
  await signIn('credentials', { email: auth.user.email, password: parsed.data.password, redirectTo: '/admin/account?password=changed' });
  return { ok: true };
}

export async function signOutEverywhereAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('account.update_own');
  if (!auth.ok) return { error: auth.error };
  // Only the signed-in user's own sessions: the id comes from the session, not the form.
  const ended = await endAllSessions(auth.user.id, auth.actor);
  if (!ended.ok) return { error: 'Could not sign out.' };
  await signOut({ redirectTo: '/login?signedout=1' });
  return { ok: true };
}
