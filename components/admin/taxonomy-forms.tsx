'use client';

import { useActionState, type ReactNode } from 'react';
import { NameSlugFields } from '@/components/admin/name-slug-fields';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';

// The create and edit forms that sections and tags share: name, slug and description. Each
// page passes its own server action and words; the field ids keep the caller's prefix, so the
// labels stay unique when a list holds many edit forms.

export interface TaxonomyValues {
  name: string;
  slug: string;
  description: string;
}

type TaxonomyFormState = FormState<TaxonomyValues>;

type TaxonomyAction = (previous: TaxonomyFormState, formData: FormData) => Promise<TaxonomyFormState>;

function TaxonomyFields({ prefix, state, initial, slugHint }: { prefix: string; state: TaxonomyFormState; initial: TaxonomyValues; slugHint: string }) {
  const start = state.values ?? initial;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NameSlugFields prefix={prefix} initial={start} errors={state.fieldErrors ?? {}} slugHint={slugHint} />
      <div className="sm:col-span-2">
        <Field label="Description" name={`${prefix}description`} errors={state.fieldErrors?.description}>
          <textarea id={`${prefix}description`} name="description" rows={2} defaultValue={start.description} className={inputClass} />
        </Field>
      </div>
    </div>
  );
}

export function CreateTaxonomyForm({ action, slugHint, submitLabel }: { action: TaxonomyAction; slugHint: string; submitLabel: string }) {
  const [state, formAction] = useActionState<TaxonomyFormState, FormData>(action, {});
  // A new key after each success empties the fields (the slug stops following an old name).
  const key = state.ok ? `ok-${state.message}` : 'form';
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div key={key}>
        <TaxonomyFields prefix="new-" state={state} initial={{ name: '', slug: '', description: '' }} slugHint={slugHint} />
      </div>
      <SubmitButton pendingText="Creating…">{submitLabel}</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

// `children` stands between the fields and the button: a warning about what saving changes.
export function EditTaxonomyForm({
  action,
  id,
  prefix,
  initial,
  slugHint,
  submitLabel,
  children,
}: {
  action: TaxonomyAction;
  id: number;
  prefix: string;
  initial: TaxonomyValues;
  slugHint: string;
  submitLabel: string;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState<TaxonomyFormState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <TaxonomyFields prefix={prefix} state={state} initial={initial} slugHint={slugHint} />
      {children}
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}
