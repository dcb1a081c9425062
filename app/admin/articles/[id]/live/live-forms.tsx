'use client';

import { useActionState, useId, useState } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';
import { ConfirmDialog, Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import type { FormState } from '@/server/newsroom-api';
import { LIVE_LIMITS } from '@/lib/validation/live';
import {
  deleteLiveUpdateAction,
  editLiveUpdateAction,
  postLiveUpdateAction,
  saveCoverageAction,
  type CoverageFormState,
  type LiveUpdateFormState,
  type LiveUpdateValues,
} from './actions';

// The live desk's forms: small enough for a phone, one thumb. Text first; a headline, an image
// from the library, a video address and the pin are there when wanted.

interface UpdateFieldsProps {
  prefix: string;
  values: LiveUpdateValues;
  errors: Record<string, string[] | undefined>;
  mediaPreview: string | null;
}

function UpdateFields({ prefix, values, errors, mediaPreview }: UpdateFieldsProps) {
  const [picking, setPicking] = useState(false);
  const [media, setMedia] = useState<{ id: string; url: string | null; alt: string }>({ id: values.mediaId, url: mediaPreview, alt: '' });
  const id = (name: string) => `${prefix}-${name}`;
  const described = (name: string, hint = false) => [hint ? `${id(name)}-hint` : '', errors[name]?.length ? `${id(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <Field label="Update" name={id('body')} errors={errors.body} hint="Blank line: new paragraph.">
        <textarea
          id={id('body')}
          name="body"
          required
          rows={5}
          maxLength={LIVE_LIMITS.body}
          defaultValue={values.body}
          aria-invalid={errors.body?.length ? true : undefined}
          aria-describedby={described('body', true)}
          className={inputClass}
        />
      </Field>
      <Field label="Headline (optional)" name={id('title')} errors={errors.title}>
        <input
          id={id('title')}
          name="title"
          maxLength={LIVE_LIMITS.title}
          autoComplete="off"
          defaultValue={values.title}
          aria-invalid={errors.title?.length ? true : undefined}
          aria-describedby={described('title')}
          className={inputClass}
        />
      </Field>
      <details className="rounded-md border border-rule p-3" open={Boolean(values.mediaId || values.embedUrl || errors.mediaId || errors.embedUrl)}>
        <summary className="cursor-pointer text-sm font-semibold">Image or video</summary>
        <div className="mt-3 space-y-3">
          <input type="hidden" name="mediaId" value={media.id} />
          <div className="flex flex-wrap items-center gap-3">
            {media.url ? (
              // eslint-disable-next-line @next/next/no-img-element -- a small preview of the library's own variant
              <img src={media.url} alt={media.alt} className="h-16 w-24 rounded object-cover" />
            ) : null}
            <button type="button" onClick={() => setPicking(true)} className="rounded-md border border-rule px-3 py-2 text-sm font-semibold hover:border-ink">
              {media.id ? 'Change image' : 'Choose an image'}
            </button>
            {media.id ? (
              <button type="button" onClick={() => setMedia({ id: '', url: null, alt: '' })} className="text-sm font-semibold text-accent hover:underline">
                Remove image
              </button>
            ) : null}
          </div>
          {errors.mediaId?.length ? <p className="text-sm font-medium text-accent">{errors.mediaId.join(' ')}</p> : null}
          <MediaPicker
            open={picking}
            onClose={() => setPicking(false)}
            onSelect={(picked: PickedMedia) => {
              setMedia({ id: String(picked.id), url: picked.url, alt: picked.alt });
              setPicking(false);
            }}
          />
          <Field label="Video address (optional)" name={id('embedUrl')} errors={errors.embedUrl} hint="YouTube or Vimeo.">
            <input
              id={id('embedUrl')}
              name="embedUrl"
              inputMode="url"
              autoComplete="off"
              maxLength={LIVE_LIMITS.embedUrl}
              defaultValue={values.embedUrl}
              aria-invalid={errors.embedUrl?.length ? true : undefined}
              aria-describedby={described('embedUrl', true)}
              className={inputClass}
            />
          </Field>
        </div>
      </details>
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input type="checkbox" name="pinned" defaultChecked={values.pinned === 'on' || values.pinned === 'true'} className="size-5 accent-ink" />
        Pin to the top
      </label>
    </>
  );
}

const EMPTY: LiveUpdateValues = { title: '', body: '', embedUrl: '', mediaId: '', pinned: '' };

export function PostUpdateForm({ articleId }: { articleId: number }) {
  const [state, action] = useActionState<LiveUpdateFormState, FormData>(postLiveUpdateAction, {});
  const values = state.values ?? EMPTY;
  return (
    // A new key after each post empties the form; after a refusal it keeps what was typed.
    <form key={state.posted ?? 'new'} action={action} className="space-y-4" noValidate aria-label="Post an update">
      <input type="hidden" name="articleId" value={articleId} />
      <UpdateFields prefix="new" values={values} errors={state.fieldErrors ?? {}} mediaPreview={null} />
      <SubmitButton pendingText="Posting…" className="w-full py-3 text-base sm:w-auto">
        Post update
      </SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'post-error' : 'post-message'} />
    </form>
  );
}

export function EditUpdateForm({
  articleId,
  update,
}: {
  articleId: number;
  update: { id: number; version: number; values: LiveUpdateValues; mediaSrc: string | null };
}) {
  const [state, action] = useActionState<LiveUpdateFormState, FormData>(editLiveUpdateAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Edit this update">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="updateId" value={update.id} />
      <input type="hidden" name="version" value={update.version} />
      <UpdateFields prefix={`edit-${update.id}`} values={state.values ?? update.values} errors={state.fieldErrors ?? {}} mediaPreview={update.mediaSrc} />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'edit-error' : 'edit-message'} />
    </form>
  );
}

export function DeleteUpdateForm({ articleId, updateId, version }: { articleId: number; updateId: number; version: number }) {
  const [state, action] = useActionState<FormState, FormData>(deleteLiveUpdateAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={version} />
      <ConfirmDialog
        opener="Delete"
        openerClassName="rounded-md border border-accent px-3 py-2 text-sm font-semibold text-accent hover:bg-accent hover:text-accent-ink"
        title="Delete this update?"
        confirmLabel="Delete update"
      >
        <p>It comes off the live page for every reader. The audit log keeps its text.</p>
      </ConfirmDialog>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'delete-error' : 'delete-message'} />
    </form>
  );
}

export function CoverageForm({
  articleId,
  version,
  keyPoints,
  state: coverageState,
}: {
  articleId: number;
  version: number;
  keyPoints: string[];
  state: 'none' | 'live' | 'ended';
}) {
  const [state, action] = useActionState<CoverageFormState, FormData>(saveCoverageAction, {});
  const fieldId = useId();
  const values = state.values ?? { keyPoints: keyPoints.join('\n') };
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Coverage">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <Field label="Key points" name={fieldId} errors={state.fieldErrors?.keyPoints} hint={`One a line, at most ${LIVE_LIMITS.keyPoints}. Shown above the updates.`}>
        <textarea id={fieldId} name="keyPoints" rows={5} defaultValue={values.keyPoints} aria-describedby={`${fieldId}-hint`} className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-3">
        {coverageState === 'live' ? (
          <>
            <IntentButton intent="save" label="Save key points" />
            <IntentButton intent="end" label="End coverage" tone="secondary" />
          </>
        ) : (
          <IntentButton intent="start" label={coverageState === 'ended' ? 'Reopen live coverage' : 'Start live coverage'} />
        )}
      </div>
      <FormMessage error={state.error} message={state.message} testId={state.error ? 'coverage-error' : 'coverage-message'} />
    </form>
  );
}

function IntentButton({ intent, label, tone = 'primary' }: { intent: 'save' | 'start' | 'end'; label: string; tone?: 'primary' | 'secondary' }) {
  const look = tone === 'primary' ? 'bg-ink text-paper hover:bg-ink/85' : 'border border-rule bg-paper text-ink hover:border-ink';
  return (
    <button type="submit" name="intent" value={intent} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold ${look}`}>
      {label}
    </button>
  );
}
