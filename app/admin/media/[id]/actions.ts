'use server';

import { redirect } from 'next/navigation';
import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { deleteMedia, updateMedia } from '@/db/mutations/media';
import { getMediaOwner, getMediaUses } from '@/db/queries/media';
import { authorizeAction } from '@/lib/auth-guards';
import { userIdSchema, type FormState } from '@/lib/validation/auth';
import { mediaDetailsSchema } from '@/lib/validation/media';

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

export interface MediaFormState extends FormState {
  values?: MediaFormValues;
}

const GONE = 'This image is no longer in the library.';

function readValues(formData: FormData): MediaFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? '').slice(0, max);
  return {
    alt: text('alt', 2000),
    caption: text('caption', 5000),
    credit: text('credit', 1000),
    sourceAgency: text('sourceAgency', 1000),
    usageRights: text('usageRights', 3000),
    rightsExpireAt: text('rightsExpireAt', 40),
    focalX: text('focalX', 40),
    focalY: text('focalY', 40),
  };
}

// Check the role against the image's uploader, validate, one mutation, then expire the
// public pages that show the image.
export async function updateMediaAction(_previous: MediaFormState, formData: FormData): Promise<MediaFormState> {
  const values = readValues(formData);
  const id = userIdSchema.safeParse(formData.get('id'));
  const owner = id.success ? await getMediaOwner(id.data) : null;
  if (!id.success || !owner) return { error: GONE, values };
  const auth = await authorizeAction('media.edit', owner);
  if (!auth.ok) return { error: auth.error, values };

  const parsed = mediaDetailsSchema.safeParse(values);
  if (!parsed.success) return { error: 'Check the highlighted fields.', fieldErrors: parsed.error.flatten().fieldErrors, values };
  if (!parsed.data.alt && (await getMediaUses(id.data)).length > 0) {
    const message = 'This image is used on the site, so it needs alt text.';
    return { error: 'Check the highlighted fields.', fieldErrors: { alt: [message] }, values };
  }

  const result = await updateMedia(id.data, parsed.data, auth.actor);
  if (!result.ok) return { error: result.reason === 'not_found' ? GONE : 'Check the highlighted fields.', values };
  expireTagsInAction(result.invalidates);
  refresh();
  const saved: MediaFormValues = {
    ...values,
    alt: parsed.data.alt,
    caption: parsed.data.caption,
    credit: parsed.data.credit,
    sourceAgency: parsed.data.sourceAgency,
    usageRights: parsed.data.usageRights,
    rightsExpireAt: values.rightsExpireAt.trim(),
    focalX: String(parsed.data.focalX),
    focalY: String(parsed.data.focalY),
  };
  return { ok: true, message: result.changed.length ? 'Saved.' : 'Nothing to save: no changes.', values: saved };
}

export async function deleteMediaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = userIdSchema.safeParse(formData.get('id'));
  const owner = id.success ? await getMediaOwner(id.data) : null;
  if (!id.success || !owner) return { error: GONE };
  const auth = await authorizeAction('media.edit', owner);
  if (!auth.ok) return { error: auth.error };
  const result = await deleteMedia(id.data, auth.actor);
  if (!result.ok) return { error: result.reason === 'in_use' ? result.message : GONE };
  expireTagsInAction(result.invalidates);
  redirect('/admin/media?deleted=1');
}
