import fs from 'node:fs/promises';
import { connection } from 'next/server';
import { getMediaDir } from '@/platform/paths';
import { resolveMediaPath } from '@/platform/media-files';

// Originals from the media library. Readers normally get resized AVIF/WebP
// variants through /_next/image, which fetches from here.
export async function GET(_request: Request, ctx: RouteContext<'/media/[...path]'>) {
  await connection();
  const { path: segments } = await ctx.params;
  const resolved = resolveMediaPath(getMediaDir(), segments);
  if (!resolved) return new Response('Not found', { status: 404 });
  try {
    const data = await fs.readFile(resolved.file);
    return new Response(new Uint8Array(data), {
      headers: {
        'Content-Type': resolved.contentType,
        'Content-Length': String(data.byteLength),
        'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
