'use server';

import { z } from 'zod';
import { createTag, deleteTag, mergeTags, updateTag } from '@/db/mutations/taxonomy';
import { findTagByNameOrSlug } from '@/db/queries/admin-taxonomy';
import type { FormState } from '@/server/newsroom-api';
import { tagInputSchema, tagMergeSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';
import { adminAction, fieldError, formTexts, refuse, refusalOf } from '@/server/door';

export type MergeFormState = FormState<{ into: string }>;

const values = formTexts({ name: 500, slug: 500, description: 5000 });

const withId = z.object({ id: taxonomyIdSchema });

export const createTagAction = adminAction({
  permission: 'tag.create',
  values,
  input: tagInputSchema,
  run: async (input, { actor }) => {
    const result = await createTag(input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    if (!result.created) return fieldError('name', `A tag “${result.tag.name}” (/tag/${result.tag.slug}) already exists.`);
    return {
      ok: true,
      message: `Tag “${result.tag.name}” created at /tag/${result.tag.slug}.`,
      values: { name: '', slug: '', description: '' },
      invalidates: result.invalidates,
    };
  },
});

export const updateTagAction = adminAction({
  permission: 'tag.manage',
  values,
  input: z.intersection(withId, tagInputSchema),
  run: async ({ id, ...input }, { actor }) => {
    const result = await updateTag(id, input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    return {
      ok: true,
      message: result.redirected ? `Saved. The old address now redirects to /tag/${input.slug}.` : 'Saved.',
      values: input,
      invalidates: result.invalidates,
    };
  },
});

const mergeValues = formTexts({ into: 200 });

export const mergeTagAction = adminAction({
  permission: 'tag.manage',
  values: mergeValues,
  input: z.object({ id: taxonomyIdSchema, into: tagMergeSchema.shape.into }),
  run: async ({ id, into: text }, { actor }) => {
    const into = await findTagByNameOrSlug(text);
    if (!into) return fieldError('into', 'No tag has that name or slug.');
    const result = await mergeTags(id, into.id, actor);
    if (!result.ok) return fieldError('into', result.message);
    return { ok: true, message: `Merged into “${into.name}”: ${result.moved} article(s) moved.`, invalidates: result.invalidates };
  },
});

export const deleteTagAction = adminAction({
  permission: 'tag.manage',
  input: withId,
  run: async ({ id }, { actor }) => {
    const result = await deleteTag(id, actor);
    if (!result.ok) return refuse('invalid', result.message);
    return { ok: true, message: 'Tag deleted.', invalidates: result.invalidates };
  },
});
