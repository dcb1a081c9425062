'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { createByline, deleteByline, updateByline } from '@/db/mutations/taxonomy';
import { authorizeAction } from '@/lib/auth-guards';
import type { FormState } from '@/lib/validation/auth';
import { bylineInputSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';

export interface BylineValues {
  name: string;
  slug: string;
  kind: string;
  jobTitle: string;
  bio: string;
  avatarMediaId: string;
  userId: string;
}

export interface BylineFormState extends FormState {
  values?: BylineValues;
}

const read = (formData: FormData): BylineValues => ({
  name: String(formData.get('name') ?? '').slice(0, 500),
  slug: String(formData.get('slug') ?? '').slice(0, 500),
  kind: String(formData.get('kind') ?? 'person').slice(0, 20),
  jobTitle: String(formData.get('jobTitle') ?? '').slice(0, 500),
  bio: String(formData.get('bio') ?? '').slice(0, 5000),
  avatarMediaId: String(formData.get('avatarMediaId') ?? '').slice(0, 20),
  userId: String(formData.get('userId') ?? '').slice(0, 20),
});

function expire(tags: readonly string[]) {
  expireTagsInAction(tags);
  refresh();
}

const empty: BylineValues = { name: '', slug: '', kind: 'person', jobTitle: '', bio: '', avatarMediaId: '', userId: '' };

export async function createBylineAction(_previous: BylineFormState, formData: FormData): Promise<BylineFormState> {
  const values = read(formData);
  const auth = await authorizeAction('byline.manage');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = bylineInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await createByline(parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  expire(result.invalidates);
  return { ok: true, message: `Byline “${parsed.data.name}” created at /author/${parsed.data.slug}.`, values: empty };
}

export async function updateBylineAction(_previous: BylineFormState, formData: FormData): Promise<BylineFormState> {
  const values = read(formData);
  const auth = await authorizeAction('byline.manage');
  if (!auth.ok) return { error: auth.error, values };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.', values };
  const parsed = bylineInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await updateByline(id.data, parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  expire(result.invalidates);
  return {
    ok: true,
    message: result.redirected ? `Saved. The old author page now redirects to /author/${parsed.data.slug}.` : 'Saved.',
    values: { ...values, slug: parsed.data.slug },
  };
}

export async function deleteBylineAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('byline.manage');
  if (!auth.ok) return { error: auth.error };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.' };
  const result = await deleteByline(id.data, auth.actor);
  if (!result.ok) return { error: result.message };
  expire(result.invalidates);
  return { ok: true, message: 'Byline deleted.' };
}
