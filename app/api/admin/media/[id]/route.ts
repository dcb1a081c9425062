import { expireTags } from '@/lib/expire-tags';
import { connection, type NextRequest } from 'next/server';
import { z } from 'zod';
import { updateMedia } from '@/db/mutations/media';
import { getMediaItem, getMediaOwner } from '@/db/queries/media';
import { readJsonBody } from '@/lib/request-body';
import { withRequestLog } from '@/lib/request-log';
import { requiredAltSchema } from '@/lib/validation/media';
import { userIdSchema } from '@/lib/validation/auth';
import { authorizeApi, json, jsonError, toMediaApiItem } from '../media-json';

// PATCH {alt}: the picker's "add alt text, then use it" step. Other fields are edited on
// /admin/media/[id] through its server action.

const patchSchema = z.object({ alt: requiredAltSchema });

export async function PATCH(request: NextRequest, ctx: RouteContext<'/api/admin/media/[id]'>) {
  await connection();
  return withRequestLog(request, 'PATCH /api/admin/media/[id]', () => patch(request, ctx));
}

async function patch(request: NextRequest, ctx: RouteContext<'/api/admin/media/[id]'>): Promise<Response> {
  const id = userIdSchema.safeParse((await ctx.params).id);
  if (!id.success) return jsonError('That image is no longer in the library.', 404);
  const auth = await authorizeApi(request, 'media.edit', () => getMediaOwner(id.data));
  if (!auth.ok) return auth.response;

  const read = await readJsonBody(request, 16 * 1024);
  if (!read.ok) return read.reason === 'too_large' ? jsonError('The request is too large.', 413) : jsonError('Send JSON such as {"alt": "…"}.', 400);
  const parsed = patchSchema.safeParse(read.value);
  if (!parsed.success) return jsonError(parsed.error.issues[0]?.message ?? 'Check the alt text.', 422);

  const result = await updateMedia(id.data, { alt: parsed.data.alt }, auth.actor);
  if (!result.ok) return jsonError(result.reason === 'not_found' ? 'That image is no longer in the library.' : 'Check the alt text.', result.reason === 'not_found' ? 404 : 422);
  expireTags(result.invalidates);
  const item = await getMediaItem(id.data);
  if (!item) return jsonError('That image is no longer in the library.', 404);
  return json({ item: toMediaApiItem(item) });
}
