import fs from 'node:fs/promises';
import path from 'node:path';
import { connection, type NextRequest } from 'next/server';
import sharp from 'sharp';
import { getMediaFocusByFile } from '@/db/queries/media';
import { cropOutputSize, decideCropBox, DEFAULT_CROP_WIDTH, isCropRatio, isCropWidth } from '@/lib/media/crop';
import { resolveMediaPath } from '@/platform/media-files';
import { getMediaDir } from '@/platform/paths';

const HEADERS = {
  'Content-Type': 'image/jpeg',
  // The address names file, ratio and width; a new focal point gives a new file on disk,
  // so a week of freshness is safe and crawlers rarely come back for it.
  'Cache-Control': 'public, max-age=604800, stale-while-revalidate=2592000',
  'X-Content-Type-Options': 'nosniff',
};

// Focal-point crops of library images (16:9, 4:3, 1:1 for structured data; "og" 1200×630 for
// social cards). Each crop is cut once by sharp and kept under <media>/.cache.
export async function GET(request: NextRequest, ctx: RouteContext<'/media-crop/[ratio]/[...path]'>) {
  await connection();
  const { ratio, path: segments } = await ctx.params;
  const width = Number(request.nextUrl.searchParams.get('w') ?? DEFAULT_CROP_WIDTH);
  if (!isCropRatio(ratio) || !isCropWidth(width) || segments.some((s) => s.startsWith('.'))) {
    return new Response('Not found', { status: 404 });
  }
  const mediaDir = getMediaDir();
  const source = resolveMediaPath(mediaDir, segments);
  if (!source) return new Response('Not found', { status: 404 });
  const file = segments.join('/');
  const focus = await getMediaFocusByFile(file);
  if (!focus) return new Response('Not found', { status: 404 });

  const focal = `${Math.round(focus.focalX * 1000)}-${Math.round(focus.focalY * 1000)}`;
  const cached = path.join(mediaDir, '.cache', 'crop', ratio, String(width), focal, `${file}.jpg`);
  try {
    const data = await fs.readFile(cached);
    return new Response(new Uint8Array(data), { headers: HEADERS });
  } catch {
    // Not cut yet.
  }
  try {
    const box = decideCropBox(focus.width, focus.height, ratio, focus.focalX, focus.focalY);
    const size = cropOutputSize(ratio, width);
    const data = await sharp(source.file)
      .rotate()
      .extract(box)
      .resize(size.width, size.height, { fit: 'fill' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    await fs.mkdir(path.dirname(cached), { recursive: true });
    // Written under a temporary name and renamed, so a concurrent reader never sees half a file.
    const temporary = `${cached}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, cached);
    return new Response(new Uint8Array(data), { headers: HEADERS });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
