import 'server-only';
import { NextResponse } from 'next/server';
import type { MediaApiItem } from '@/components/admin/media-api';
import { mediaVariantUrl, type MediaListItem } from '@/db/queries/media';
import { FORBIDDEN_MESSAGE, getClientAddress, getCurrentUser } from '@/lib/auth-guards';
import { can, type Action, type Resource } from '@/lib/permissions';
import { isOwnSiteRequest } from '@/lib/same-origin';
import type { SessionUser } from '@/db/queries/users';
import type { Actor } from '@/db/mutations/common';

// Shared by the media API's route handlers: the JSON shape of an item, JSON errors that are
// never cached, and the door (same origin for writes, signed in, allowed).

// ~400 px: the display size the article editor and the picker show.
const DISPLAY_WIDTH = 390;

export function toMediaApiItem(item: MediaListItem): MediaApiItem {
  return {
    id: item.id,
    url: mediaVariantUrl(item.file, DISPLAY_WIDTH),
    thumbnailUrl: item.thumbnailUrl,
    originalUrl: item.url,
    originalName: item.originalName,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    width: item.width,
    height: item.height,
    rightsExpired: item.rightsExpired,
  };
}

export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function jsonError(error: string, status: number): NextResponse {
  return json({ error }, status);
}

export type ApiAuthorization = { ok: true; user: SessionUser; actor: Actor } | { ok: false; response: NextResponse };

/**
 * The route handlers' version of authorizeAction: a JSON API answers 401/403 instead of
 * redirecting to the sign-in page. `resource` is read lazily, only for a signed-in user.
 */
export async function authorizeApi(
  request: Request,
  action: Action,
  resource?: () => Promise<Resource | null>,
): Promise<ApiAuthorization> {
  const { headers } = request;
  if (!['GET', 'HEAD'].includes(request.method) && !isOwnSiteRequest(headers)) {
    return { ok: false, response: jsonError('Refused: the request did not come from this site.', 403) };
  }
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: jsonError('You are signed out. Sign in again to continue.', 401) };
  let target: Resource | undefined;
  if (resource) {
    const found = await resource();
    if (!found) return { ok: false, response: jsonError('That image is no longer in the library.', 404) };
    target = found;
  }
  if (!can(user, action, target)) return { ok: false, response: jsonError(FORBIDDEN_MESSAGE, 403) };
  return { ok: true, user, actor: { id: user.id, email: user.email, ip: await getClientAddress() } };
}
