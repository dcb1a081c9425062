'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/auth';
import type { FormState } from '@/server/newsroom-api';
import { changePasswordAction, signOutEverywhereAction, updateAccountAction } from './actions';

export function ProfileForm({
  name,
  bylineId,
  bylines,
}: {
  name: string;
  bylineId: number | null;
  bylines: { id: number; name: string }[];
}) {
  const [state, action] = useActionState<FormState, FormData>(updateAccountAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Your name" name="name" errors={state.fieldErrors?.name}>
        <input id="name" name="name" defaultValue={name} required className={inputClass} />
      </Field>
      <Field label="Your byline" name="bylineId" hint="Links your account to the byline readers see on your stories.">
        <select id="bylineId" name="bylineId" defaultValue={bylineId ?? ''} aria-describedby="bylineId-hint" className={inputClass}>
          <option value="">No byline</option>
          {bylines.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Current password" name="current" errors={state.fieldErrors?.current}>
        <input id="current" name="current" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Field label="New password" name="password" errors={state.fieldErrors?.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
        <input id="password" name="password" type="password" autoComplete="new-password" required aria-describedby="password-hint" className={inputClass} />
      </Field>
      <Field label="Repeat the new password" name="confirm" errors={state.fieldErrors?.confirm}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action] = useActionState<FormState, FormData>(signOutEverywhereAction, {});
  return (
    <form action={action} className="space-y-3">
      <SubmitButton variant="danger" pendingText="Signing out…">
        Sign out everywhere
      </SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}
