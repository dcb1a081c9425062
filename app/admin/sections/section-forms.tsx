'use client';

import { useActionState, useState, useTransition } from 'react';
import { SortableList, type SortableItem } from '@/components/admin/sortable-list';
import { CreateTaxonomyForm, EditTaxonomyForm, type TaxonomyValues } from '@/components/admin/taxonomy-forms';
import { FormMessage, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';
import { createSectionAction, deleteSectionAction, reorderSectionsAction, updateSectionAction } from './actions';

const slugHint = "The section's address: lowercase words joined by hyphens.";

export function CreateSectionForm() {
  return <CreateTaxonomyForm action={createSectionAction} slugHint={slugHint} submitLabel="Create section" />;
}

export function EditSectionForm({ id, initial, publishedCount }: { id: number; initial: TaxonomyValues; publishedCount: number }) {
  return (
    <EditTaxonomyForm action={updateSectionAction} id={id} prefix={`s${id}-`} initial={initial} slugHint={slugHint} submitLabel="Save section">
      {publishedCount > 0 ? (
        <p className="text-xs text-muted">
          Changing the slug moves {publishedCount} published {publishedCount === 1 ? 'article' : 'articles'}; the old addresses redirect
          permanently.
        </p>
      ) : null}
    </EditTaxonomyForm>
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
