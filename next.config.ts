import fs from 'node:fs';
import type { NextConfig } from 'next';
import { COMMON_SECURITY_HEADERS, publicContentSecurityPolicy } from './lib/site/security-headers';

// "?page=N" on section, tag and author fronts, served by static routes under app/(site)/paged/
// (reading searchParams would make every front dynamic). A page value that is not digits goes
// to a page number the routes refuse, so it is a 404 rather than page 1 again.
// See docs/decisions/005-paginated-fronts-by-rewrite.md.
const PAGE_DIGITS = [{ type: 'query' as const, key: 'page', value: '(?<page>\\d{1,6})' }];
const PAGE_OTHER = [{ type: 'query' as const, key: 'page' }];
// Top-level routes that are not sections keep their own ?page handling.
const SECTION = ':section((?!search$|admin$|api$|login$|paged$|tag$|author$|media$|preview$|corrections$)[a-z0-9-]+)';
const pagedListRewrites = [
  { source: '/corrections', has: PAGE_DIGITS, destination: '/corrections/page/:page' },
  { source: '/corrections', has: PAGE_OTHER, destination: '/corrections/page/invalid' },
  { source: `/${SECTION}`, has: PAGE_DIGITS, destination: '/paged/section/:section/:page' },
  { source: '/tag/:slug', has: PAGE_DIGITS, destination: '/paged/tag/:slug/:page' },
  { source: '/author/:slug', has: PAGE_DIGITS, destination: '/paged/author/:slug/:page' },
  { source: `/${SECTION}`, has: PAGE_OTHER, destination: '/paged/section/:section/invalid' },
  { source: '/tag/:slug', has: PAGE_OTHER, destination: '/paged/tag/:slug/invalid' },
  { source: '/author/:slug', has: PAGE_OTHER, destination: '/paged/author/:slug/invalid' },
];

// The islands' addresses (scripts/build-islands.mjs runs before `next build` and `next dev`),
// handed to the pages at build time (lib/site/islands.ts).
function builtIslands(): string {
  try {
    return fs.readFileSync('./public/islands/manifest.json', 'utf8');
  } catch {
    return '{}';
  }
}

const nextConfig: NextConfig = {
  env: { GAZETTE_ISLANDS: builtIslands() },
  // Public pages are cached components, revalidated by tag (see lib/site/cache-tags.ts).
  cacheComponents: true,
  // Off: reader pages use plain links (decision 002), so the App Shell data Partial Prefetching
  // embeds for the client router only made every response heavier (decision 001).
  partialPrefetching: false,
  poweredByHeader: false,
  // Next's file-system cache, except that error pages are never written: a made-up address must
  // cost no disk (gateway/next-cache-handler.mjs).
  cacheHandler: require.resolve('./gateway/next-cache-handler.mjs'),
  // Cluster mode: with REDIS_URL, every instance shares the 'use cache' entries and the tags'
  // expiry through Redis (decision 013); without it, Next's own in-memory handler.
  ...(process.env.REDIS_URL ? { cacheHandlers: { default: require.resolve('./gateway/redis-use-cache-handler.mjs') } } : {}),
  // The database and uploads live under GAZETTE_DATA_DIR; never trace them into the build.
  outputFileTracingExcludes: { '*': ['./data/**', './test-data/**', './bench-data/**', './test-data-cluster/**', './bench-cluster-data/**'] },
  serverExternalPackages: ['better-sqlite3', 'sharp', 'pino', 'pino-pretty'],
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/media/**' }],
    deviceSizes: [390, 640, 828, 1080, 1280, 1600, 1920],
    imageSizes: [48, 96, 160, 320],
    minimumCacheTTL: 31536000,
  },
  experimental: {
    // forbidden() answers 403 when a signed-in user opens a newsroom page their role may not see.
    authInterrupts: true,
    // Addresses no route answers get app/global-not-found.tsx, rendered on its own; a root
    // not-found.tsx drawing the masthead and footer rode along in every page's payload.
    globalNotFound: true,
  },
  // Static security headers, so public pages stay prerendered (docs/security.md). /admin and
  // /login get a per-request nonce policy from proxy.ts instead of the public one.
  async headers() {
    return [
      { source: '/:path*', headers: [...COMMON_SECURITY_HEADERS] },
      // Islands carry a content hash in their names: a new build gives new addresses.
      { source: '/islands/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
      {
        source: '/:path((?!(?:admin|login)(?:/|$)).*)',
        headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy() }],
      },
    ];
  },
  rewrites: async () => ({ beforeFiles: pagedListRewrites, afterFiles: [], fallback: [] }),
};

export default nextConfig;
