import 'server-only';
import { mediaVariantUrl, type MediaListItem } from '@/db/queries/media';
import type { MediaApiItem } from '@/server/newsroom-api';

// ~400 px: the display size the article editor and the picker show.
const DISPLAY_WIDTH = 390;

/** One image as the media API describes it. */
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

export const MEDIA_MISSING = 'That image is no longer in the library.';
