import { BodyTooLargeError, readBodyWithLimit } from '@/platform/media-upload';

// JSON bodies of the newsroom's route handlers, read with a ceiling: a client cannot make the
// server buffer more than the route needs. A declared Content-Length over the limit is refused
// before anything is read; a body that turns out longer is cut off as soon as it passes it.

// An article with a long body is a few hundred KB of editor JSON; everything else is small.
export const ARTICLE_BODY_LIMIT = 2 * 1024 * 1024;
export const SMALL_BODY_LIMIT = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'invalid' };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too_large' };
  let bytes: Uint8Array;
  try {
    bytes = await readBodyWithLimit(request.body, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, reason: 'too_large' };
    throw error;
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}
