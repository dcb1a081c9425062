'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { NameSlugFields } from '@/components/admin/name-slug-fields';
import type { FormState } from '@/lib/validation/auth';
import { createTagAction, deleteTagAction, mergeTagAction, updateTagAction, type MergeFormState, type TagFormState } from './actions';

interface TagValues {
  name: string;
  slug: string;
  description: string;
}

function TagFields({ prefix, state, initial }: { prefix: string; state: TagFormState; initial: TagValues }) {
  const start = state.values ?? initial;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NameSlugFields prefix={prefix} initial={start} errors={state.fieldErrors ?? {}} slugHint="The tag page's address after /tag/." />
      <div className="sm:col-span-2">
        <Field label="Description" name={`${prefix}description`} errors={state.fieldErrors?.description}>
          <textarea id={`${prefix}description`} name="description" rows={2} defaultValue={start.description} className={inputClass} />
        </Field>
      </div>
    </div>
  );
}

export function CreateTagForm() {
  const [state, action] = useActionState<TagFormState, FormData>(createTagAction, {});
  const key = state.ok ? `ok-${state.message}` : 'form';
  return (
    <form action={action} className="space-y-4" noValidate>
      <div key={key}>
        <TagFields prefix="new-" state={state} initial={{ name: '', slug: '', description: '' }} />
      </div>
      <SubmitButton pendingText="Creating…">Create tag</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function EditTagForms({ id, initial }: { id: number; initial: TagValues }) {
  const [state, action] = useActionState<TagFormState, FormData>(updateTagAction, {});
  const [mergeState, merge] = useActionState<MergeFormState, FormData>(mergeTagAction, {});
  const [deleteState, remove] = useActionState<FormState, FormData>(deleteTagAction, {});
  return (
    <div className="mt-4 space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={id} />
        <TagFields prefix={`t${id}-`} state={state} initial={initial} />
        <SubmitButton pendingText="Saving…">Save tag</SubmitButton>
        <FormMessage error={state.error} message={state.message} />
      </form>
      <form action={merge} className="space-y-3 border-t border-rule pt-4" noValidate>
        <input type="hidden" name="id" value={id} />
        <Field
          label={`Merge “${initial.name}” into`}
          name={`t${id}-into`}
          hint="Name or slug of the tag that stays. Its articles get that tag; this one is deleted and its address redirects."
          errors={mergeState.fieldErrors?.into ?? mergeState.fieldErrors?.fromId}
        >
          <input
            id={`t${id}-into`}
            name="into"
            autoComplete="off"
            defaultValue={mergeState.values?.into}
            aria-describedby={`t${id}-into-hint`}
            className={inputClass}
          />
        </Field>
        <SubmitButton variant="secondary" pendingText="Merging…">
          Merge tag<span className="sr-only"> {initial.name}</span>
        </SubmitButton>
        <FormMessage error={mergeState.error} message={mergeState.message} />
      </form>
      <details className="border-t border-rule pt-4 text-sm">
        <summary className="inline-block cursor-pointer rounded-md border border-accent px-3 py-1.5 font-semibold text-accent">
          Delete<span className="sr-only"> tag {initial.name}</span>
        </summary>
        <form action={remove} className="mt-3 space-y-2">
          <input type="hidden" name="id" value={id} />
          <p className="text-muted">The tag is removed from every article that has it.</p>
          <SubmitButton variant="danger" pendingText="Deleting…">
            Confirm delete<span className="sr-only"> of tag {initial.name}</span>
          </SubmitButton>
          <FormMessage error={deleteState.error} message={deleteState.message} />
        </form>
      </details>
    </div>
  );
}
