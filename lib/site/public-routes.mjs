// @ts-check
// The shape of every public address the site answers, so the server in front of Next can tell
// what cannot exist without asking Next to render a 404 for it.
//
//   'next'      an address some route answers (or may redirect): Next decides
//   'missing'   no route of the site answers this shape: a 404 whatever the database holds
//   { check }   a page whose existence the database decides (a section, an article, a tag, an
//               author): the lookup registered by the server (db/queries/public-paths.ts)
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.

// Routes and files answered at a fixed address, and prefixes whose routes check for themselves.
const FIXED = new Set(['/', '/search', '/corrections', '/withdrawn', '/robots.txt', '/sitemap.xml', '/rss.xml', '/news-sitemap.xml', '/icon.svg', '/logo.png']);
const PREFIXES = ['/_next/', '/api/', '/admin', '/login', '/preview', '/media/', '/media-crop/', '/social-card/', '/sitemaps/', '/paged/', '/corrections/'];
const SLUG = /^[a-z0-9-]+$/;
// Anything with a capital letter is redirected to its lowercase form by the pages themselves.
const FOLDABLE = /^[A-Za-z0-9-]+$/;

/**
 * @typedef {{ check: 'section', section: string } | { check: 'article', section: string, slug: string }
 *   | { check: 'tag', slug: string } | { check: 'author', slug: string }} Lookup
 * @param {string} pathname the path without its query string
 * @returns {'next' | 'missing' | Lookup}
 */
export function classifyPublicPath(pathname) {
  if (FIXED.has(pathname)) return 'next';
  for (const prefix of PREFIXES) if (pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix)) return 'next';
  // Next answers a trailing slash with a redirect to the address without it.
  if (pathname.endsWith('/')) return 'next';
  const segments = pathname.split('/').slice(1);
  if (segments.some((segment) => FOLDABLE.test(segment) && !SLUG.test(segment))) {
    return segments.every((segment) => FOLDABLE.test(segment) || segment === 'rss.xml') ? 'next' : 'missing';
  }
  const [first, second, third] = segments;
  if (segments.length === 1 && first && SLUG.test(first)) return { check: 'section', section: first };
  if (segments.length === 2 && first && second) {
    if (first === 'tag' && SLUG.test(second)) return { check: 'tag', slug: second };
    if (first === 'author' && SLUG.test(second)) return { check: 'author', slug: second };
    if (first === 'tag' || first === 'author') return 'missing';
    if (second === 'rss.xml' && SLUG.test(first)) return { check: 'section', section: first };
    if (SLUG.test(first) && SLUG.test(second)) return { check: 'article', section: first, slug: second };
  }
  if (segments.length === 3 && first === 'tag' && second && SLUG.test(second) && third === 'rss.xml') return { check: 'tag', slug: second };
  return 'missing';
}
