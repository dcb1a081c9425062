'use server';

import { z } from 'zod';
import { createSection, deleteSection, reorderSections, updateSection } from '@/db/mutations/taxonomy';
import { sectionInputSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';
import { adminAction, adminCommand, formTexts, refuse, refusalOf } from '@/server/door';


const values = formTexts({ name: 500, slug: 500, description: 5000 });

const withId = z.object({ id: taxonomyIdSchema });

export const createSectionAction = adminAction({
  permission: 'section.manage',
  values,
  input: sectionInputSchema,
  run: async (input, { actor }) => {
    const result = await createSection(input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    return {
      ok: true,
      message: `Section “${input.name}” created at /${input.slug}.`,
      values: { name: '', slug: '', description: '' },
      invalidates: result.invalidates,
    };
  },
});

export const updateSectionAction = adminAction({
  permission: 'section.manage',
  values,
  input: z.intersection(withId, sectionInputSchema),
  run: async ({ id, ...input }, { actor }) => {
    const result = await updateSection(id, input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    return {
      ok: true,
      message: result.redirected ? `Saved. Old addresses now redirect to /${input.slug}.` : 'Saved.',
      values: input,
      invalidates: result.invalidates,
    };
  },
});

export const deleteSectionAction = adminAction({
  permission: 'section.manage',
  input: withId,
  run: async ({ id }, { actor }) => {
    const result = await deleteSection(id, actor);
    if (!result.ok) return refuse('invalid', result.message);
    return { ok: true, message: 'Section deleted.', invalidates: result.invalidates };
  },
});

// The sections' new order, as the list's drag and drop (or its buttons) left it.
export const reorderSectionsAction = adminCommand<number[], number[]>({
  permission: 'section.manage',
  input: z.array(taxonomyIdSchema).min(1, { error: 'That order could not be read.' }).max(500),
  run: async (orderedIds, { actor }) => {
    const result = await reorderSections(orderedIds, actor);
    if (!result.ok) return refuse('invalid', result.message);
    return { ok: true, message: 'Order saved.', invalidates: result.invalidates };
  },
});
