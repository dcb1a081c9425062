import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

// What the newsroom may upload, and how an upload becomes a stored file. The server trusts
// neither the file name nor the browser's type: it reads the first bytes, asks sharp to decode
// the picture, and re-encodes it, which bakes in the orientation and drops every piece of
// metadata (EXIF, GPS position, XMP, IPTC, comments) a camera or phone put there.

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

export const IMAGE_KINDS: Readonly<Record<ImageKind, { mime: string; ext: string; label: string }>> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  png: { mime: 'image/png', ext: 'png', label: 'PNG' },
  webp: { mime: 'image/webp', ext: 'webp', label: 'WebP' },
  avif: { mime: 'image/avif', ext: 'avif', label: 'AVIF' },
  gif: { mime: 'image/gif', ext: 'gif', label: 'GIF' },
};

export const ALLOWED_TYPES_LABEL = 'JPEG, PNG, WebP, AVIF or GIF';

export const DEFAULT_MAX_UPLOAD_MB = 20;
// A decompression bomb is small on the wire and huge in memory: refuse pictures above 100
// megapixels (a 45-megapixel press camera is well inside).
export const MAX_INPUT_PIXELS = 100_000_000;
// Room for the multipart framing around one file.
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The largest file accepted, in bytes (GAZETTE_MAX_UPLOAD_MB, default 20 MB). */
export function maxUploadBytes(source: Record<string, string | undefined> = process.env): number {
  const mb = Number(source.GAZETTE_MAX_UPLOAD_MB);
  const size = Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB;
  return Math.floor(size * 1024 * 1024);
}

/** "20 MB", "1.5 MB" */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export type UploadProblem = 'empty' | 'too-large' | 'not-an-image' | 'unreadable' | 'too-many-pixels';

export function uploadProblemMessage(problem: UploadProblem, maxBytes: number = maxUploadBytes()): string {
  switch (problem) {
    case 'empty':
      return 'The file is empty.';
    case 'too-large':
      return `The file is larger than the ${formatMegabytes(maxBytes)} limit.`;
    case 'not-an-image':
      return `This is not an image the library accepts. Upload a ${ALLOWED_TYPES_LABEL} file (SVG, HTML and other files are refused, whatever their name).`;
    case 'unreadable':
      return `The image could not be read: the file is damaged or not really a ${ALLOWED_TYPES_LABEL} image.`;
    case 'too-many-pixels':
      return `The image is too large in pixels (over ${MAX_INPUT_PIXELS / 1_000_000} megapixels). Resize it and upload again.`;
  }
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/**
 * The image type the first bytes declare, or null. Only the five accepted types are known;
 * SVG, HTML, PDF or anything else is null whatever the file is called.
 */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) {
    return 'png';
  }
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  // ISO base media: a box of type "ftyp" whose major brand is AVIF (still or sequence).
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 4))) return 'avif';
  return null;
}

// sharp reports AVIF as its container format, HEIF.
const SHARP_FORMAT: Readonly<Record<ImageKind, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', gif: 'gif' };

export interface PreparedImage {
  kind: ImageKind;
  mimeType: string;
  ext: string;
  // The bytes to store: re-encoded, without metadata.
  data: Buffer;
  width: number;
  height: number;
  // sha256 of `data`, hex.
  hash: string;
}

export type PrepareResult = { ok: true; image: PreparedImage } | { ok: false; problem: UploadProblem; message: string };

function refuse(problem: UploadProblem, maxBytes: number): PrepareResult {
  return { ok: false, problem, message: uploadProblemMessage(problem, maxBytes) };
}

/**
 * Checks an uploaded file and turns it into the bytes the library stores: type sniffed from
 * the content and confirmed by decoding, size and pixel limits, orientation baked in, every
 * metadata block dropped, same format kept (GIF and WebP animations too).
 */
export async function prepareImageUpload(input: Uint8Array, options: { maxBytes?: number } = {}): Promise<PrepareResult> {
  const maxBytes = options.maxBytes ?? maxUploadBytes();
  if (input.byteLength === 0) return refuse('empty', maxBytes);
  if (input.byteLength > maxBytes) return refuse('too-large', maxBytes);
  const kind = sniffImageKind(input);
  if (!kind) return refuse('not-an-image', maxBytes);

  const animated = kind === 'gif' || kind === 'webp';
  const source = () => sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let meta: Metadata;
  try {
    meta = await source().metadata();
  } catch {
    return refuse('unreadable', maxBytes);
  }
  if (meta.format !== SHARP_FORMAT[kind]) return refuse('not-an-image', maxBytes);
  if (kind === 'avif' && meta.compression !== 'av1') return refuse('not-an-image', maxBytes);
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  if (!meta.width || !frameHeight) return refuse('unreadable', maxBytes);
  if (meta.width * frameHeight > MAX_INPUT_PIXELS) return refuse('too-many-pixels', maxBytes);

  let data: Buffer;
  try {
    // No withMetadata()/keepExif(): sharp writes none of the input's metadata by default.
    // Orientation is baked into the pixels first (a multi-frame image carries none to bake).
    let pipeline = source();
    if ((meta.pages ?? 1) === 1) pipeline = pipeline.rotate();
    switch (kind) {
      case 'jpeg':
        pipeline = pipeline.jpeg({ quality: 90, mozjpeg: true });
        break;
      case 'png':
        pipeline = pipeline.png({ compressionLevel: 9 });
        break;
      case 'webp':
        pipeline = pipeline.webp({ quality: 90 });
        break;
      case 'avif':
        pipeline = pipeline.avif({ quality: 70, effort: 4 });
        break;
      case 'gif':
        pipeline = pipeline.gif();
        break;
    }
    data = await pipeline.toBuffer();
  } catch {
    return refuse('unreadable', maxBytes);
  }

  const out = await sharp(data, { animated }).metadata();
  const width = out.width ?? meta.width;
  const height = out.pageHeight ?? out.height ?? frameHeight;
  const { mime, ext } = IMAGE_KINDS[kind];
  return {
    ok: true,
    image: { kind, mimeType: mime, ext, data, width, height, hash: createHash('sha256').update(data).digest('hex') },
  };
}

/** Where a stored image lives under the media directory: "2026/11/ab12cd34ef56ab78.jpg". */
export function mediaFileName(hash: string, ext: string, now: Date = new Date()): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${hash.slice(0, 16)}.${ext}`;
}

/** The uploader's file name, kept for search and display: no path, no control characters, bounded. */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'upload';
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
  }
}

/**
 * Reads a request body, counting bytes as they arrive: a missing or lying Content-Length
 * cannot make the server hold more than `limit` bytes. Throws BodyTooLargeError past it.
 */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/**
 * Writes a stored image under the media directory, atomically: a temporary name in the same
 * folder, then a rename, so the /media route never serves half a file.
 */
export async function writeMediaFile(mediaDir: string, file: string, data: Uint8Array): Promise<string> {
  const target = resolveInside(mediaDir, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temporary, data, { flag: 'wx' });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** Removes a stored image; a file already gone is not an error. */
export async function removeMediaFile(mediaDir: string, file: string): Promise<void> {
  await fs.rm(resolveInside(mediaDir, file), { force: true });
}

function resolveInside(mediaDir: string, file: string): string {
  const root = path.resolve(mediaDir);
  const target = path.resolve(root, file);
  if (!target.startsWith(root + path.sep)) throw new Error(`media path outside the media directory: ${file}`);
  return target;
}
