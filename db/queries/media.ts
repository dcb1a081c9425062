import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';

export interface MediaFocus {
  file: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
}

// What the crop route needs to cut a library image. Not cached: the route asks only when a
// crop is missing from its disk cache (media.file is unique, so this is an index look-up).
export async function getMediaFocusByFile(file: string): Promise<MediaFocus | null> {
  const [row] = await getDb()
    .select({ file: media.file, width: media.width, height: media.height, focalX: media.focalX, focalY: media.focalY })
    .from(media)
    .where(eq(media.file, file))
    .limit(1);
  return row ?? null;
}
