'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { z } from 'zod';
import { createSection, deleteSection, reorderSections, updateSection } from '@/db/mutations/taxonomy';
import { authorizeAction } from '@/lib/auth-guards';
import type { FormState } from '@/lib/validation/auth';
import { sectionInputSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';

export interface SectionFormState extends FormState {
  values?: { name: string; slug: string; description: string };
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

export async function createSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = read(formData);
  const auth = await authorizeAction('section.manage');
  if (!auth.ok) return { error: auth.error, values };
  const parsed = sectionInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await createSection(parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  expire(result.invalidates);
  return { ok: true, message: `Section “${parsed.data.name}” created at /${parsed.data.slug}.`, values: { name: '', slug: '', description: '' } };
}

export async function updateSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = read(formData);
  const auth = await authorizeAction('section.manage');
  if (!auth.ok) return { error: auth.error, values };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.', values };
  const parsed = sectionInputSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  const result = await updateSection(id.data, parsed.data, auth.actor);
  if (!result.ok) return { error: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : undefined, values };
  expire(result.invalidates);
  return {
    ok: true,
    message: result.redirected ? `Saved. Old addresses now redirect to /${parsed.data.slug}.` : 'Saved.',
    values: parsed.data,
  };
}

export async function deleteSectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorizeAction('section.manage');
  if (!auth.ok) return { error: auth.error };
  const id = taxonomyIdSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Something was missing from the form.' };
  const result = await deleteSection(id.data, auth.actor);
  if (!result.ok) return { error: result.message };
  expire(result.invalidates);
  return { ok: true, message: 'Section deleted.' };
}

const orderSchema = z.array(taxonomyIdSchema).min(1).max(500);

export async function reorderSectionsAction(orderedIds: number[]): Promise<FormState> {
  const auth = await authorizeAction('section.manage');
  if (!auth.ok) return { error: auth.error };
  const parsed = orderSchema.safeParse(orderedIds);
  if (!parsed.success) return { error: 'That order could not be read.' };
  const result = await reorderSections(parsed.data, auth.actor);
  if (!result.ok) return { error: result.message };
  expire(result.invalidates);
  return { ok: true, message: 'Order saved.' };
}
