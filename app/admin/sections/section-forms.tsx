'use client';

import { useActionState, useState, useTransition } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { NameSlugFields } from '@/components/admin/name-slug-fields';
import { SortableList, type SortableItem } from '@/components/admin/sortable-list';
import type { FormState } from '@/lib/validation/auth';
import {
  createSectionAction,
  deleteSectionAction,
  reorderSectionsAction,
  updateSectionAction,
  type SectionFormState,
} from './actions';

interface SectionValues {
  name: string;
  slug: string;
  description: string;
}

// Name, slug (made from the name until the editor types one) and description.
function SectionFields({ prefix, state, initial }: { prefix: string; state: SectionFormState; initial: SectionValues }) {
  const start = state.values ?? initial;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NameSlugFields prefix={prefix} initial={start} errors={state.fieldErrors ?? {}} slugHint="The section's address: lowercase words joined by hyphens." />
      <div className="sm:col-span-2">
        <Field label="Description" name={`${prefix}description`} errors={state.fieldErrors?.description}>
          <textarea id={`${prefix}description`} name="description" rows={2} defaultValue={start.description} className={inputClass} />
        </Field>
      </div>
    </div>
  );
}

export function CreateSectionForm() {
  const [state, action] = useActionState<SectionFormState, FormData>(createSectionAction, {});
  const key = state.ok ? `ok-${state.message}` : 'form';
  return (
    <form action={action} className="space-y-4" noValidate>
      <div key={key}>
        <SectionFields prefix="new-" state={state} initial={{ name: '', slug: '', description: '' }} />
      </div>
      <SubmitButton pendingText="Creating…">Create section</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function EditSectionForm({ id, initial, publishedCount }: { id: number; initial: SectionValues; publishedCount: number }) {
  const [state, action] = useActionState<SectionFormState, FormData>(updateSectionAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <SectionFields prefix={`s${id}-`} state={state} initial={initial} />
      {publishedCount > 0 ? (
        <p className="text-xs text-muted">
          Changing the slug moves {publishedCount} published {publishedCount === 1 ? 'article' : 'articles'}; the old addresses redirect
          permanently.
        </p>
      ) : null}
      <SubmitButton pendingText="Saving…">Save section</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function DeleteSectionForm({ id, name }: { id: number; name: string }) {
  const [state, action] = useActionState<FormState, FormData>(deleteSectionAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete section<span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function SectionOrder({ sections }: { sections: SortableItem[] }) {
  const [items, setItems] = useState(sections);
  const [result, setResult] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  // A fresh list from the server (after a create or delete) replaces the local order.
  const [source, setSource] = useState(sections);
  if (source !== sections) {
    setSource(sections);
    setItems(sections);
  }
  return (
    <div className="space-y-3">
      <SortableList
        label="Section order"
        testId="section-order"
        items={items}
        onReorder={(next) => {
          const before = items;
          setItems(next);
          startTransition(async () => {
            const saved = await reorderSectionsAction(next.map((i) => i.id));
            setResult(saved);
            if (!saved.ok) setItems(before);
          });
        }}
      />
      <p className="text-sm text-muted" aria-hidden={!pending}>
        {pending ? 'Saving the order…' : null}
      </p>
      <FormMessage error={result.error} message={result.message} testId={result.error ? 'order-error' : 'order-message'} />
    </div>
  );
}
