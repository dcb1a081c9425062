'use server';

import { z } from 'zod';
import { deleteMedia, updateMedia } from '@/db/mutations/media';
import { getMediaOwner, getMediaUses } from '@/db/queries/media';
import type { FormState } from '@/server/newsroom-api';
import { mediaDetailsSchema } from '@/lib/validation/media';
import { adminAction, fieldError, formTexts, refuse } from '@/server/door';
import { MEDIA_MISSING } from '@/server/media';

export interface MediaFormValues {
  alt: string;
  caption: string;
  credit: string;
  sourceAgency: string;
  usageRights: string;
  rightsExpireAt: string;
  focalX: string;
  focalY: string;
}

export type MediaFormState = FormState<MediaFormValues>;

const withId = z.object({ id: z.coerce.number().int().positive() });

const mediaValues: (formData: FormData) => MediaFormValues = formTexts({
  alt: 2000,
  caption: 5000,
  credit: 1000,
  sourceAgency: 1000,
  usageRights: 3000,
  rightsExpireAt: 40,
  focalX: 40,
  focalY: 40,
});

// Checked against the image's uploader; after a change the public pages that show it expire.
export const updateMediaAction = adminAction({
  permission: 'media.edit',
  values: mediaValues,
  input: z.intersection(withId, mediaDetailsSchema),
  resource: ({ id }) => getMediaOwner(id),
  missing: MEDIA_MISSING,
  run: async ({ id, ...details }, { actor, values }) => {
    if (!details.alt && (await getMediaUses(id)).length > 0) return fieldError('alt', 'This image is used on the site, so it needs alt text.');
    const result = await updateMedia(id, details, actor);
    if (!result.ok) return result.reason === 'not_found' ? refuse('not_found', MEDIA_MISSING) : refuse('invalid', 'Check the highlighted fields.');
    const saved: MediaFormValues = {
      ...values,
      alt: details.alt,
      caption: details.caption,
      credit: details.credit,
      sourceAgency: details.sourceAgency,
      usageRights: details.usageRights,
      rightsExpireAt: values.rightsExpireAt.trim(),
      focalX: String(details.focalX),
      focalY: String(details.focalY),
    };
    return { ok: true, message: result.changed.length ? 'Saved.' : 'Nothing to save: no changes.', values: saved, invalidates: result.invalidates };
  },
});

export const deleteMediaAction = adminAction({
  permission: 'media.edit',
  input: withId,
  resource: ({ id }) => getMediaOwner(id),
  missing: MEDIA_MISSING,
  run: async ({ id }, { actor }) => {
    const result = await deleteMedia(id, actor);
    if (!result.ok) return result.reason === 'in_use' ? refuse('invalid', result.message) : refuse('not_found', MEDIA_MISSING);
    return { ok: true, invalidates: result.invalidates, redirectTo: '/admin/media?deleted=1' };
  },
});
