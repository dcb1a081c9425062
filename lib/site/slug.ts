// URL slugs: lowercase ASCII words joined by hyphens. Diacritics are folded
// ("Café" → "cafe"); other scripts are dropped, so a title in Cyrillic alone
// gives an empty slug and the caller must pick another.
export function slugify(input: string, maxLength = 80): string {
  const slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}

// Words a section slug may never take: they are routes of their own or look like files.
export const RESERVED_SLUGS = new Set([
  'admin',
  'api',
  'tag',
  'tags',
  'author',
  'authors',
  'search',
  'login',
  'logout',
  'preview',
  'media',
  'rss',
  'feed',
  'feeds',
  'sitemap',
  'sitemaps',
  'robots',
  'favicon',
  'static',
  'public',
  'assets',
  'icon',
  'apple-icon',
  'manifest',
  'opengraph-image',
  'twitter-image',
  'news-sitemap',
  // Crawler routes (crops for structured data, generated social cards).
  'media-crop',
  'social-card',
  // Internal routes behind the ?page=N rewrites (next.config.ts).
  'paged',
  // The public list of corrections and updates.
  'corrections',
  // The notice at a withdrawn article's address (app/(site)/withdrawn).
  'withdrawn',
]);

export function isReservedSlug(slug: string): boolean {
  // File-like names ("rss.xml", "favicon.ico") would shadow static routes.
  return RESERVED_SLUGS.has(slug) || slug.startsWith('_') || slug.includes('.');
}

// A valid slug: non-empty, lowercase words and digits separated by single hyphens.
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}
