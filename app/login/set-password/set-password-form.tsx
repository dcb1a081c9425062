'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/auth';
import type { FormState } from '@/server/newsroom-api';
import { setPasswordAction } from './actions';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state.error} testId="set-password-error" />
      <Field label="New password" name="password" errors={state.fieldErrors?.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`}>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} aria-describedby="password-hint" className={inputClass} />
      </Field>
      <Field label="Repeat the password" name="confirm" errors={state.fieldErrors?.confirm}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <SubmitButton pendingText="Saving…" className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}
