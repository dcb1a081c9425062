'use client';

import { useActionState } from 'react';
import { CreateTaxonomyForm, EditTaxonomyForm, type TaxonomyValues } from '@/components/admin/taxonomy-forms';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';
import { createTagAction, deleteTagAction, mergeTagAction, updateTagAction, type MergeFormState } from './actions';

const slugHint = "The tag page's address after /tag/.";

export function CreateTagForm() {
  return <CreateTaxonomyForm action={createTagAction} slugHint={slugHint} submitLabel="Create tag" />;
}

export function EditTagForms({ id, initial }: { id: number; initial: TaxonomyValues }) {
  const [mergeState, merge] = useActionState<MergeFormState, FormData>(mergeTagAction, {});
  const [deleteState, remove] = useActionState<FormState, FormData>(deleteTagAction, {});
  return (
    <div className="mt-4 space-y-6">
      <EditTaxonomyForm action={updateTagAction} id={id} prefix={`t${id}-`} initial={initial} slugHint={slugHint} submitLabel="Save tag" />
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
