'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { createTag, deleteTag, mergeTags, updateTag } from '@/db/mutations/taxonomy';
import { findTagByNameOrSlug } from '@/db/queries/admin-taxonomy';
import { authorizeAction } from '@/lib/auth-guards';
import type { FormState } from '@/lib/validation/auth';
import { tagInputSchema, tagMergeSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';

export interface TagFormState extends FormState {
  values?: { name: string; slug: string; description: string };
}

export interface MergeFormState extends FormState {
  values?: { into: string };
}

const read = (formData: FormData) => ({
  name: String(formData.get('name') ?? '').slice(0, 500),
  slug: String(formData.get('slug') ?? '').slice(0, 500),
  description: String(formData.get('description') ?? '').slice(0, 5000),
});

function expire(tags: readonly string[]) {
  expireTagsInAction(tags);
  refresh();
}

export async function createTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const values = read(formData);
  const auth = await authorizeAction('tag.create');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = tagInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await createTag(parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  if (!result.created) {
    const message = `A tag “${result.tag.name}” (/tag/${result.tag.slug}) already exists.`;
    return { error: message, fieldErrors: { name: [message] }, values };
  }
  expire(result.invalidates);
  return { ok: true, message: `Tag “${result.tag.name}” created at /tag/${result.tag.slug}.`, values: { name: '', slug: '', description: '' } };
}

export async function updateTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const values = read(formData);
  const auth = await authorizeAction('tag.manage');
  if (!auth.ok) return { error: auth.error, values };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.', values };
  const parsed = tagInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await updateTag(id.data, parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  expire(result.invalidates);
  return {
    ok: true,
    message: result.redirected ? `Saved. The old address now redirects to /tag/${parsed.data.slug}.` : 'Saved.',
    values: parsed.data,
  };
}

export async function mergeTagAction(_previous: MergeFormState, formData: FormData): Promise<MergeFormState> {
  const values = { into: String(formData.get('into') ?? '').slice(0, 200) };
  const auth = await authorizeAction('tag.manage');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = tagMergeSchema.safeParse({ fromId: formData.get('id'), into: values.into });
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const into = await findTagByNameOrSlug(parsed.data.into);
  if (!into) {
    const message = 'No tag has that name or slug.';
    return { error: message, fieldErrors: { into: [message] }, values };
  }
  const result = await mergeTags(parsed.data.fromId, into.id, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: { into: [result.message] }, values };
  expire(result.invalidates);
  return { ok: true, message: `Merged into “${into.name}”: ${result.moved} article(s) moved.` };
}

export async function deleteTagAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('tag.manage');
  if (!auth.ok) return { error: auth.error };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.' };
  const result = await deleteTag(id.data, auth.actor);
  if (!result.ok) return { error: result.message };
  expire(result.invalidates);
  return { ok: true, message: 'Tag deleted.' };
}
