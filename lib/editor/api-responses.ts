import type { SaveResult, TransitionResult } from '@/db/mutations/articles';

// One JSON shape for every editor save: the client (components/admin/editor) reads `status`
// and these fields, whatever the route.
export function saveResponse(result: SaveResult | TransitionResult, okStatus = 200): Response {
  if (result.ok) {
    const extra = 'status' in result ? { status: result.status, publishedAt: result.publishedAt, scheduledAt: result.scheduledAt } : {};
    return Response.json({ ok: true, id: result.id, version: result.version, ...extra }, { status: okStatus, headers: NO_STORE });
  }
  switch (result.reason) {
    case 'conflict':
      return Response.json({ ok: false, reason: 'conflict', current: result.current }, { status: 409, headers: NO_STORE });
    case 'invalid':
      return Response.json(
        { ok: false, reason: 'invalid', error: 'Some fields need attention.', errors: result.errors },
        { status: 422, headers: NO_STORE },
      );
    case 'refused':
      return Response.json(
        { ok: false, reason: 'refused', error: result.message, errors: result.errors ?? {} },
        { status: 422, headers: NO_STORE },
      );
    case 'not_found':
      return notFound();
  }
}

export const NO_STORE = { 'Cache-Control': 'no-store' };

export function notFound(): Response {
  return Response.json({ ok: false, reason: 'not_found', error: 'This article no longer exists.' }, { status: 404, headers: NO_STORE });
}

export function invalidJson(error = 'The request could not be read.'): Response {
  return Response.json({ ok: false, reason: 'invalid', error }, { status: 400, headers: NO_STORE });
}

export function tooLarge(): Response {
  return Response.json({ ok: false, reason: 'too_large', error: 'The request is too large.' }, { status: 413, headers: NO_STORE });
}

/** The answer for a body readJsonBody (lib/request-body.ts) refused. */
export function unreadableBody(reason: 'too_large' | 'invalid', error?: string): Response {
  return reason === 'too_large' ? tooLarge() : invalidJson(error);
}
