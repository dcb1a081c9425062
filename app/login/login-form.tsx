'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';
import { signInAction } from './actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage error={state.error} testId="sign-in-error" />
      <Field label="Email" name="email" errors={state.fieldErrors?.email}>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </Field>
      <Field label="Password" name="password" errors={state.fieldErrors?.password}>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <SubmitButton pendingText="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
