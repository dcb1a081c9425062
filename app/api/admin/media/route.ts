import { createMedia } from '@/db/mutations/media';
import { getMediaIdByHash, getMediaItem, listMedia } from '@/db/queries/media';
import type { MediaList, Uploaded, UploadFileResult } from '@/server/newsroom-api';
import { getLogger } from '@/platform/logger';
import {
  BodyTooLargeError,
  cleanOriginalName,
  maxUploadBytes,
  mediaFileName,
  MULTIPART_OVERHEAD_BYTES,
  prepareImageUpload,
  readBodyWithLimit,
  removeMediaFile,
  uploadProblemMessage,
  writeMediaFile,
} from '@/platform/media-upload';
import { getMediaDir } from '@/platform/paths';
import type { Actor } from '@/db/mutations/common';
import { adminRoute, fieldError, refuse, type RouteOutcome } from '@/server/door';
import { toMediaApiItem } from '@/server/media';

// The media library's API. GET lists and searches (the picker); POST uploads one or more
// images as multipart/form-data, field "file" (the library page sends one request per file so
// each has its own progress bar). Nothing here is cached.

const MAX_FILES_PER_REQUEST = 10;

export const GET = adminRoute({
  permission: 'media.upload',
  run: async ({ query }) => {
    const q = (query.get('q') ?? '').slice(0, 200);
    const page = Number(query.get('page') ?? '1');
    const list = await listMedia({ q, page: Number.isInteger(page) && page > 0 ? page : 1 });
    const body: MediaList = {
      items: list.rows.map(toMediaApiItem),
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      maxUploadBytes: maxUploadBytes(),
    };
    return { ok: true, body };
  },
});

export const POST = adminRoute({
  permission: 'media.upload',
  log: 'POST /api/admin/media',
  run: async (_input, { request, actor }) => upload(request, actor),
});

async function upload(request: Request, actor: Actor): Promise<RouteOutcome<Uploaded, Uploaded>> {
  const maxBytes = maxUploadBytes();
  // One file and its multipart framing. Refused before reading a byte when the client says
  // more; counted while reading when it says nothing or lies.
  const requestLimit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const tooLarge = () => refuse('too_large', uploadProblemMessage('too-large', maxBytes), { results: [] });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > requestLimit) return tooLarge();
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return refuse('unreadable', 'Send the images as multipart/form-data, in a field named "file".');
  }

  let form: FormData;
  try {
    const body = await readBodyWithLimit(request.body, requestLimit);
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge();
    return refuse('unreadable', 'The upload could not be read. Try again.');
  }
  const files = form.getAll('file').filter((value): value is File => typeof value !== 'string');
  if (files.length === 0) return fieldError('file', 'Choose an image to upload.');
  if (files.length > MAX_FILES_PER_REQUEST) return fieldError('file', `Upload at most ${MAX_FILES_PER_REQUEST} images at a time.`);

  const results: UploadFileResult[] = [];
  for (const file of files) results.push(await storeUpload(file, maxBytes, actor));

  const failed = results.filter((r) => !r.ok);
  if (failed.length === results.length) {
    const first = failed[0] as Extract<UploadFileResult, { ok: false }>;
    const tooBig = results.length === 1 && first.error === uploadProblemMessage('too-large', maxBytes);
    return refuse(tooBig ? 'too_large' : 'invalid', first.error, { results });
  }
  return { ok: true, body: { results }, status: results.some((r) => r.ok && !r.duplicate) ? 201 : 200 };
}

async function storeUpload(file: File, maxBytes: number, actor: Actor): Promise<UploadFileResult> {
  const name = cleanOriginalName(file.name);
  if (file.size > maxBytes) return { name, ok: false, error: uploadProblemMessage('too-large', maxBytes) };
  const prepared = await prepareImageUpload(new Uint8Array(await file.arrayBuffer()), { maxBytes });
  if (!prepared.ok) return { name, ok: false, error: prepared.message };
  const { image } = prepared;

  const existingId = await getMediaIdByHash(image.hash);
  if (existingId) return found(name, existingId, true);

  const mediaDir = getMediaDir();
  const relative = mediaFileName(image.hash, image.ext);
  try {
    await writeMediaFile(mediaDir, relative, image.data);
  } catch (error) {
    getLogger().error({ err: error, file: relative }, 'media upload: writing the file failed');
    return { name, ok: false, error: 'The image could not be saved. Try again.' };
  }
  try {
    const created = await createMedia(
      {
        file: relative,
        originalName: name,
        mimeType: image.mimeType,
        size: image.data.byteLength,
        width: image.width,
        height: image.height,
        hash: image.hash,
        uploadedBy: actor.id,
      },
      actor,
    );
    // The same picture arrived at the same moment from someone else: keep theirs.
    if (created.duplicate && created.file !== relative) await removeMediaFile(mediaDir, relative);
    return found(name, created.id, created.duplicate);
  } catch (error) {
    await removeMediaFile(mediaDir, relative);
    getLogger().error({ err: error, file: relative }, 'media upload: saving the row failed');
    return { name, ok: false, error: 'The image could not be saved. Try again.' };
  }
}

async function found(name: string, id: number, duplicate: boolean): Promise<UploadFileResult> {
  const item = await getMediaItem(id);
  if (!item) return { name, ok: false, error: 'The image could not be saved. Try again.' };
  return { name, ok: true, duplicate, item: toMediaApiItem(item) };
}
