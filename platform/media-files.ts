import path from 'node:path';

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

// Resolves a requested media path inside the media directory, or null when it
// would escape it or is not an image type we serve.
export function resolveMediaPath(
  mediaDir: string,
  segments: string[],
): { file: string; contentType: string } | null {
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0'))) {
    return null;
  }
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return null;
  const contentType = TYPES[path.extname(file).toLowerCase()];
  return contentType ? { file, contentType } : null;
}
