'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { createRedirectAction, type RedirectFormState } from './actions';

export function AddRedirectForm() {
  const [state, action] = useActionState<RedirectFormState, FormData>(createRedirectAction, {});
  const key = state.ok ? `ok-${state.message}` : 'form';
  return (
    <form action={action} className="space-y-4" noValidate key={key}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Old address" name="from" hint="A path on this site, such as /news/old-story." errors={state.fieldErrors?.from}>
          <input id="from" name="from" required autoComplete="off" defaultValue={state.values?.from} aria-describedby="from-hint" className={inputClass} />
        </Field>
        <Field label="New address" name="to" hint="The live page, such as /news/new-story." errors={state.fieldErrors?.to}>
          <input id="to" name="to" required autoComplete="off" defaultValue={state.values?.to} aria-describedby="to-hint" className={inputClass} />
        </Field>
      </div>
      <SubmitButton pendingText="Adding…">Add redirect</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}
