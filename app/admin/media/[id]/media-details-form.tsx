'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { FocalPointPicker } from '@/components/admin/media-focal-point';
import type { FormState } from '@/server/newsroom-api';
import { deleteMediaAction, updateMediaAction, type MediaFormState, type MediaFormValues } from './actions';

export function MediaDetailsForm({
  id,
  previewUrl,
  width,
  height,
  initial,
}: {
  id: number;
  previewUrl: string;
  width: number;
  height: number;
  initial: MediaFormValues;
}) {
  const [state, action] = useActionState<MediaFormState, FormData>(updateMediaAction, { values: initial });
  const values = state.values ?? initial;
  const [focal, setFocal] = useState({ x: Number(values.focalX), y: Number(values.focalY) });
  const errors = state.fieldErrors ?? {};
  const describedBy = (name: string, hint = false) =>
    [hint ? `${name}-hint` : '', errors[name]?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const key = state.ok ? `saved-${state.message}-${JSON.stringify(state.values)}` : 'form';

  return (
    <form action={action} noValidate key={key} className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="focalX" value={focal.x} />
      <input type="hidden" name="focalY" value={focal.y} />

      <fieldset className="min-w-0 space-y-3">
        <legend className="mb-3 text-lg font-bold">Focal point</legend>
        <FocalPointPicker src={previewUrl} width={width} height={height} x={focal.x} y={focal.y} onChange={(x, y) => setFocal({ x, y })} />
        {errors.focalX?.length || errors.focalY?.length ? <p className="text-sm font-medium text-accent">Choose a point on the image.</p> : null}
      </fieldset>

      <fieldset className="min-w-0 space-y-4">
        <legend className="mb-3 text-lg font-bold">Description and rights</legend>
        <Field label="Alt text" name="alt" hint="What the picture shows, for readers who cannot see it. Needed before it goes into an article." errors={errors.alt}>
          <textarea id="alt" name="alt" rows={3} defaultValue={values.alt} aria-invalid={!!errors.alt?.length} aria-describedby={describedBy('alt', true)} className={inputClass} />
        </Field>
        <Field label="Caption" name="caption" errors={errors.caption}>
          <textarea id="caption" name="caption" rows={2} defaultValue={values.caption} aria-invalid={!!errors.caption?.length} aria-describedby={describedBy('caption')} className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Credit" name="credit" hint="Photographer/Agency" errors={errors.credit}>
            <input id="credit" name="credit" defaultValue={values.credit} aria-invalid={!!errors.credit?.length} aria-describedby={describedBy('credit', true)} className={inputClass} />
          </Field>
          <Field label="Source agency" name="sourceAgency" errors={errors.sourceAgency}>
            <input id="sourceAgency" name="sourceAgency" defaultValue={values.sourceAgency} aria-invalid={!!errors.sourceAgency?.length} aria-describedby={describedBy('sourceAgency')} className={inputClass} />
          </Field>
        </div>
        <Field label="Usage rights" name="usageRights" hint="What the licence allows, e.g. “Editorial use only”." errors={errors.usageRights}>
          <textarea id="usageRights" name="usageRights" rows={2} defaultValue={values.usageRights} aria-invalid={!!errors.usageRights?.length} aria-describedby={describedBy('usageRights', true)} className={inputClass} />
        </Field>
        <Field label="Rights expire on" name="rightsExpireAt" hint="Optional. From this day the library flags the image." errors={errors.rightsExpireAt}>
          <input id="rightsExpireAt" name="rightsExpireAt" type="date" defaultValue={values.rightsExpireAt} aria-invalid={!!errors.rightsExpireAt?.length} aria-describedby={describedBy('rightsExpireAt', true)} className={inputClass} />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingText="Saving…">Save details</SubmitButton>
        </div>
        <FormMessage error={state.error} message={state.message} />
      </fieldset>
    </form>
  );
}

export function DeleteMediaForm({ id, name }: { id: number; name: string }) {
  const [state, action] = useActionState<FormState, FormData>(deleteMediaAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <details className="text-sm">
        <summary className="inline-block cursor-pointer rounded-md border border-accent px-3 py-1.5 font-semibold text-accent">Delete image…</summary>
        <div className="mt-3 space-y-2">
          <p>Delete “{name}” and its file? This cannot be undone.</p>
          <SubmitButton variant="danger" pendingText="Deleting…">
            Confirm delete
          </SubmitButton>
        </div>
      </details>
      <FormMessage error={state.error} testId="delete-error" />
    </form>
  );
}
