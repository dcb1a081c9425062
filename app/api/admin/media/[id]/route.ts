import { z } from 'zod';
import { updateMedia } from '@/db/mutations/media';
import { getMediaItem, getMediaOwner } from '@/db/queries/media';
import type { MediaSaved } from '@/server/newsroom-api';
import { requiredAltSchema } from '@/lib/validation/media';
import { adminRoute, fieldError, refuse } from '@/server/door';
import { MEDIA_MISSING, toMediaApiItem } from '@/server/media';

// PATCH {alt}: the picker's "add alt text, then use it" step. Other fields are edited on
// /admin/media/[id] through its server action.
export const PATCH = adminRoute({
  permission: 'media.edit',
  params: z.object({ id: z.coerce.number().int().positive() }),
  resource: ({ id }) => getMediaOwner(id),
  missing: MEDIA_MISSING,
  body: { schema: z.object({ alt: requiredAltSchema }), limit: 16 * 1024, unreadable: 'Send JSON such as {"alt": "…"}.' },
  log: 'PATCH /api/admin/media/[id]',
  run: async ({ params, body }, { actor }) => {
    const result = await updateMedia(params.id, { alt: body.alt }, actor);
    if (!result.ok) return result.reason === 'not_found' ? refuse('not_found', MEDIA_MISSING) : fieldError('alt', 'Check the alt text.');
    const item = await getMediaItem(params.id);
    if (!item) return refuse('not_found', MEDIA_MISSING);
    return { ok: true, body: { item: toMediaApiItem(item) } satisfies MediaSaved, invalidates: result.invalidates };
  },
});
