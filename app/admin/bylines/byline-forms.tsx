'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage, inputClass, SubmitButton } from '@/components/ui';
import { NameSlugFields } from '@/components/admin/name-slug-fields';
import type { AvatarChoice, UserChoice } from '@/db/queries/admin-taxonomy';
import type { FormState } from '@/server/newsroom-api';
import { createBylineAction, deleteBylineAction, updateBylineAction, type BylineFormState, type BylineValues } from './actions';

interface Choices {
  avatars: AvatarChoice[];
  users: UserChoice[];
}

function BylineFields({ prefix, state, initial, avatars, users }: { prefix: string; state: BylineFormState; initial: BylineValues } & Choices) {
  const start = state.values ?? initial;
  const [avatar, setAvatar] = useState(start.avatarMediaId);
  const preview = avatars.find((a) => String(a.id) === avatar);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NameSlugFields prefix={prefix} initial={start} errors={errors} slugHint="The author page's address after /author/." />
      <Field label="Kind" name={`${prefix}kind`} errors={errors.kind}>
        <select id={`${prefix}kind`} name="kind" defaultValue={start.kind} className={inputClass}>
          <option value="person">Person</option>
          <option value="desk">Desk (such as “the news desk”)</option>
        </select>
      </Field>
      <Field label="Job title" name={`${prefix}jobTitle`} errors={errors.jobTitle}>
        <input id={`${prefix}jobTitle`} name="jobTitle" autoComplete="off" defaultValue={start.jobTitle} className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <Field label="Bio" name={`${prefix}bio`} hint="Shown in the author box under each article and on the author page." errors={errors.bio}>
          <textarea id={`${prefix}bio`} name="bio" rows={3} defaultValue={start.bio} aria-describedby={`${prefix}bio-hint`} className={inputClass} />
        </Field>
      </div>
      <Field label="Avatar" name={`${prefix}avatarMediaId`} hint="An image from the media library (the newest ones)." errors={errors.avatarMediaId}>
        <div className="flex items-center gap-3">
          {preview ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small preview of a library original
            <img src={preview.src} alt="" width={40} height={40} className="size-10 shrink-0 rounded-full object-cover" />
          ) : (
            <span aria-hidden="true" className="size-10 shrink-0 rounded-full bg-panel" />
          )}
          <select
            id={`${prefix}avatarMediaId`}
            name="avatarMediaId"
            value={avatar}
            onChange={(e) => setAvatar(e.target.value)}
            aria-describedby={`${prefix}avatarMediaId-hint`}
            className={inputClass}
          >
            <option value="">No avatar</option>
            {avatars.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      </Field>
      <Field label="Linked user" name={`${prefix}userId`} hint="Optional: the newsroom account that writes under this byline." errors={errors.userId}>
        <select id={`${prefix}userId`} name="userId" defaultValue={start.userId} aria-describedby={`${prefix}userId-hint`} className={inputClass}>
          <option value="">No linked user</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

const EMPTY: BylineValues = { name: '', slug: '', kind: 'person', jobTitle: '', bio: '', avatarMediaId: '', userId: '' };

export function CreateBylineForm(choices: Choices) {
  const [state, action] = useActionState<BylineFormState, FormData>(createBylineAction, {});
  const key = state.ok ? `ok-${state.message}` : 'form';
  return (
    <form action={action} className="space-y-4" noValidate>
      <div key={key}>
        <BylineFields prefix="new-" state={state} initial={EMPTY} {...choices} />
      </div>
      <SubmitButton pendingText="Creating…">Create byline</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}

export function EditBylineForms({ id, initial, ...choices }: { id: number; initial: BylineValues } & Choices) {
  const [state, action] = useActionState<BylineFormState, FormData>(updateBylineAction, {});
  const [deleteState, remove] = useActionState<FormState, FormData>(deleteBylineAction, {});
  return (
    <div className="mt-4 space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={id} />
        <BylineFields prefix={`b${id}-`} state={state} initial={initial} {...choices} />
        <SubmitButton pendingText="Saving…">Save byline</SubmitButton>
        <FormMessage error={state.error} message={state.message} />
      </form>
      <form action={remove} className="space-y-2 border-t border-rule pt-4">
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="danger" pendingText="Deleting…">
          Delete byline<span className="sr-only"> {initial.name}</span>
        </SubmitButton>
        <FormMessage error={deleteState.error} message={deleteState.message} />
      </form>
    </div>
  );
}
