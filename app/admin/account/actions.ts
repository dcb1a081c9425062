'use server';

import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { endAllSessions } from '@/db/mutations/sessions';
import { changeOwnPassword, updateOwnAccount } from '@/db/mutations/users';
import { getUserForSignIn } from '@/db/queries/users';
import { hashPassword, verifyPassword } from '@/platform/passwords';
import { accountSchema, changePasswordSchema } from '@/lib/validation/auth';
import { adminAction, fieldError, refuse } from '@/server/door';

// The signed-in person's own account: every id comes from the session, never from the form.

export const updateAccountAction = adminAction({
  permission: 'account.update_own',
  fields: ['name', 'bylineId'],
  // A person without a byline picker sends no bylineId: that keeps none.
  input: z.preprocess((raw) => ({ bylineId: '', ...(raw as object) }), accountSchema),
  run: async (input, { user, actor }) => {
    const result = await updateOwnAccount(user.id, input, actor);
    if (!result.ok) return result.reason === 'byline_taken' ? fieldError('bylineId', 'That byline belongs to someone else.') : refuse('invalid', 'Could not save.');
    return { ok: true, message: 'Saved.' };
  },
});

export const changePasswordAction = adminAction({
  permission: 'account.update_own',
  fields: ['current', 'password', 'confirm'],
  input: changePasswordSchema,
  run: async ({ current, password }, { user, actor }) => {
    const row = await getUserForSignIn(user.email);
    if (!(await verifyPassword(row?.passwordHash, current))) return fieldError('current', 'That is not your current password.');
    // Ends every session of this user, this one included; this browser gets a new one by signing
    // in again with the new password.
    const result = await changeOwnPassword(user.id, await hashPassword(password), actor);
    if (!result.ok) return refuse('invalid', 'Could not save.');
    await signIn('credentials', { email: user.email, password, redirectTo: '/admin/account?password=changed' });
    return { ok: true };
  },
});

export const signOutEverywhereAction = adminAction({
  permission: 'account.update_own',
  input: z.unknown(),
  run: async (_input, { user, actor }) => {
    const ended = await endAllSessions(user.id, actor);
    if (ended === null) return refuse('invalid', 'Could not sign out.');
    await signOut({ redirectTo: '/login?signedout=1' });
    return { ok: true };
  },
});
