'use server';

import { refresh } from 'next/cache';
import { changeUserRole, inviteUser, issuePasswordReset, setUserDisabled, type UserMutationError } from '@/db/mutations/users';
import { authorizeAction } from '@/lib/auth-guards';
import { oneTimeLinkPath } from '@/lib/tokens';
import { changeRoleSchema, inviteUserSchema, setDisabledSchema, userIdSchema, type FormState } from '@/lib/validation/auth';

// Each action: check the role (lib/permissions via authorizeAction), parse, one mutation,
// refresh the page. Users appear on no public page, so no cache tag changes.

const ERRORS: Record<UserMutationError, string> = {
  not_found: 'That user no longer exists.',
  email_taken: 'A user with that email already exists.',
  last_admin: 'The last active administrator cannot be demoted or disabled. Make someone else an administrator first.',
  wrong_password: 'That is not the current password.',
  byline_taken: 'That byline belongs to someone else.',
};

export async function inviteUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('user.manage');
  if (!auth.ok) return { error: auth.error };
  const parsed = inviteUserSchema.safeParse({ email: formData.get('email'), name: formData.get('name'), role: formData.get('role') });
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors };
  const result = await inviteUser(parsed.data, auth.actor);
  if (!result.ok) return { error: ERRORS[result.reason] };
  refresh();
  return {
    ok: true,
    message: `${parsed.data.name} is invited as ${parsed.data.role}. Send them this link; it works once, for 72 hours:`,
    link: oneTimeLinkPath(result.token),
  };
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('user.manage');
  if (!auth.ok) return { error: auth.error };
  const parsed = changeRoleSchema.safeParse({ userId: formData.get('userId'), role: formData.get('role') });
  if (!parsed.success) return { error: 'Choose a role.' };
  const result = await changeUserRole(parsed.data.userId, parsed.data.role, auth.actor);
  if (!result.ok) return { error: ERRORS[result.reason] };
  refresh();
  return { ok: true, message: 'Role saved. It applies from their next request.' };
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('user.manage');
  if (!auth.ok) return { error: auth.error };
  const parsed = setDisabledSchema.safeParse({ userId: formData.get('userId'), disabled: formData.get('disabled') });
  if (!parsed.success) return { error: 'Something was missing from the form.' };
  const result = await setUserDisabled(parsed.data.userId, parsed.data.disabled, auth.actor);
  if (!result.ok) return { error: ERRORS[result.reason] };
  refresh();
  return { ok: true, message: parsed.data.disabled ? 'Disabled: they are signed out on their next request.' : 'Enabled again.' };
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('user.manage');
  if (!auth.ok) return { error: auth.error };
  const userId = userIdSchema.safeParse(formData.get('userId'));
  if (!userId.success) return { error: 'Something was missing from the form.' };
  const result = await issuePasswordReset(userId.data, auth.actor);
  if (!result.ok) return { error: ERRORS[result.reason] };
  refresh();
  return { ok: true, message: 'Signed out everywhere; the old password no longer works. New one-time link (72 hours):', link: oneTimeLinkPath(result.token) };
}
