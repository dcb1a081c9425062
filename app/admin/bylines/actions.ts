'use server';

import { z } from 'zod';
import { createByline, deleteByline, updateByline } from '@/db/mutations/taxonomy';
import type { FormState } from '@/server/newsroom-api';
import { bylineInputSchema, taxonomyIdSchema } from '@/lib/validation/taxonomy';
import { adminAction, formTexts, refuse, refusalOf } from '@/server/door';

export interface BylineValues {
  name: string;
  slug: string;
  kind: string;
  jobTitle: string;
  bio: string;
  avatarMediaId: string;
  userId: string;
}

export type BylineFormState = FormState<BylineValues>;

const values: (formData: FormData) => BylineValues = formTexts(
  { name: 500, slug: 500, kind: 20, jobTitle: 500, bio: 5000, avatarMediaId: 20, userId: 20 },
  { kind: 'person' },
);

const empty: BylineValues = { name: '', slug: '', kind: 'person', jobTitle: '', bio: '', avatarMediaId: '', userId: '' };
const withId = z.object({ id: taxonomyIdSchema });

export const createBylineAction = adminAction({
  permission: 'byline.manage',
  values,
  input: bylineInputSchema,
  run: async (input, { actor }) => {
    const result = await createByline(input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    return { ok: true, message: `Byline “${input.name}” created at /author/${input.slug}.`, values: empty, invalidates: result.invalidates };
  },
});

export const updateBylineAction = adminAction({
  permission: 'byline.manage',
  values,
  input: z.intersection(withId, bylineInputSchema),
  run: async ({ id, ...input }, { actor, values }) => {
    const result = await updateByline(id, input, actor);
    if (!result.ok) return refusalOf(result.message, result.field);
    return {
      ok: true,
      message: result.redirected ? `Saved. The old author page now redirects to /author/${input.slug}.` : 'Saved.',
      values: { ...values, slug: input.slug },
      invalidates: result.invalidates,
    };
  },
});

export const deleteBylineAction = adminAction({
  permission: 'byline.manage',
  input: withId,
  run: async ({ id }, { actor }) => {
    const result = await deleteByline(id, actor);
    if (!result.ok) return refuse('invalid', result.message);
    return { ok: true, message: 'Byline deleted.', invalidates: result.invalidates };
  },
});
