import { connection, type NextRequest } from 'next/server';
import { createMedia } from '@/db/mutations/media';
import { getMediaIdByHash, getMediaItem, listMedia } from '@/db/queries/media';
import type { MediaListResponse, UploadFileResult } from '@/components/admin/media-api';
import { getLogger } from '@/lib/logger';
import { withRequestLog } from '@/lib/request-log';
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
} from '@/lib/media-upload';
import { getMediaDir } from '@/lib/paths';
import type { Actor } from '@/db/mutations/common';
import { authorizeApi, json, jsonError, toMediaApiItem } from './media-json';

// The media library's API. GET lists and searches (the picker); POST uploads one or more
// images as multipart/form-data, field "file" (the library page sends one request per file so
// each has its own progress bar). Nothing here is cached.

const MAX_FILES_PER_REQUEST = 10;

export async function GET(request: NextRequest) {
  await connection();
  const auth = await authorizeApi(request, 'media.upload');
  if (!auth.ok) return auth.response;
  const params = request.nextUrl.searchParams;
  const q = (params.get('q') ?? '').slice(0, 200);
  const page = Number(params.get('page') ?? '1');
  const list = await listMedia({ q, page: Number.isInteger(page) && page > 0 ? page : 1 });
  const body: MediaListResponse = {
    items: list.rows.map(toMediaApiItem),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    maxUploadBytes: maxUploadBytes(),
  };
  return json(body);
}

export async function POST(request: NextRequest) {
  await connection();
  return withRequestLog(request, 'POST /api/admin/media', () => upload(request));
}

async function upload(request: NextRequest): Promise<Response> {
  const auth = await authorizeApi(request, 'media.upload');
  if (!auth.ok) return auth.response;

  const maxBytes = maxUploadBytes();
  // One file and its multipart framing. Refused before reading a byte when the client says
  // more; counted while reading when it says nothing or lies.
  const requestLimit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const tooLarge = () => json({ error: uploadProblemMessage('too-large', maxBytes), results: [] }, 413);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > requestLimit) return tooLarge();
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return jsonError('Send the images as multipart/form-data, in a field named "file".', 415);
  }

  let form: FormData;
  try {
    const body = await readBodyWithLimit(request.body, requestLimit);
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge();
    return jsonError('The upload could not be read. Try again.', 400);
  }
  const files = form.getAll('file').filter((value): value is File => typeof value !== 'string');
  if (files.length === 0) return jsonError('Choose an image to upload.', 400);
  if (files.length > MAX_FILES_PER_REQUEST) return jsonError(`Upload at most ${MAX_FILES_PER_REQUEST} images at a time.`, 400);

  const results: UploadFileResult[] = [];
  for (const file of files) results.push(await storeUpload(file, maxBytes, auth.actor));

  const failed = results.filter((r) => !r.ok);
  if (failed.length === results.length) {
    const first = failed[0] as Extract<UploadFileResult, { ok: false }>;
    const status = results.length === 1 && first.error === uploadProblemMessage('too-large', maxBytes) ? 413 : 422;
    return json({ error: first.error, results }, status);
  }
  return json({ results }, results.some((r) => r.ok && !r.duplicate) ? 201 : 200);
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
