'use server';

import { z } from 'zod';
import { changeUserRole, inviteUser, issuePasswordReset, setUserDisabled, type UserMutationError } from '@/db/mutations/users';
import { oneTimeLinkPath } from '@/platform/tokens';
import { changeRoleSchema, inviteUserSchema, setDisabledSchema, userIdSchema } from '@/lib/validation/auth';
import { adminAction, refuse } from '@/server/door';

// Users appear on no public page, so no cache tag changes; the page refreshes.

const ERRORS: Record<UserMutationError, string> = {
  not_found: 'That user no longer exists.',
  email_taken: 'A user with that email already exists.',
  last_admin: 'The last active administrator cannot be demoted or disabled. Make someone else an administrator first.',
  self_disable: 'You cannot disable your own account. Ask another administrator.',
  wrong_password: 'That is not the current password.',
  byline_taken: 'That byline belongs to someone else.',
};

const failed = (error: UserMutationError) => refuse(error === 'not_found' ? 'not_found' : 'invalid', ERRORS[error]);

export const inviteUserAction = adminAction({
  permission: 'user.manage',
  fields: ['email', 'name', 'role'],
  input: inviteUserSchema,
  run: async (input, { actor }) => {
    const result = await inviteUser(input, actor);
    if (!result.ok) return failed(result.reason);
    return {
      ok: true,
      message: `${input.name} is invited as ${input.role}. Send them this link; it works once, for 72 hours:`,
      link: oneTimeLinkPath(result.token),
    };
  },
});

export const changeRoleAction = adminAction({
  permission: 'user.manage',
  fields: ['role', 'confirm'],
  input: changeRoleSchema,
  run: async ({ userId, role }, { actor }) => {
    const result = await changeUserRole(userId, role, actor);
    if (!result.ok) return failed(result.reason);
    return { ok: true, message: 'Role saved. It applies from their next request.' };
  },
});

export const setDisabledAction = adminAction({
  permission: 'user.manage',
  fields: ['confirm'],
  input: setDisabledSchema,
  run: async ({ userId, disabled }, { actor }) => {
    const result = await setUserDisabled(userId, disabled, actor);
    if (!result.ok) return failed(result.reason);
    return { ok: true, message: disabled ? 'Disabled: they are signed out on their next request.' : 'Enabled again.' };
  },
});

export const resetPasswordAction = adminAction({
  permission: 'user.manage',
  input: z.object({ userId: userIdSchema }),
  run: async ({ userId }, { actor }) => {
    const result = await issuePasswordReset(userId, actor);
    if (!result.ok) return failed(result.reason);
    return {
      ok: true,
      message: 'Signed out everywhere; the old password no longer works. New one-time link (72 hours):',
      link: oneTimeLinkPath(result.token),
    };
  },
});
