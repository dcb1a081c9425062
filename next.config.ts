import type { NextConfig } from 'next';
import { COMMON_SECURITY_HEADERS, publicContentSecurityPolicy } from './lib/security-headers';

const nextConfig: NextConfig = {
  // Public pages are cached components, revalidated by tag (see lib/cache-tags.ts).
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
  // The database and uploads live under GAZETTE_DATA_DIR; never trace them into the build.
  outputFileTracingExcludes: { '*': ['./data/**', './test-data/**', './bench-data/**'] },
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
  },
  // Static security headers, so public pages stay prerendered (docs/security.md). /admin and
  // /login get a per-request nonce policy from proxy.ts instead of the public one.
  async headers() {
    return [
      { source: '/:path*', headers: [...COMMON_SECURITY_HEADERS] },
      {
        source: '/:path((?!(?:admin|login)(?:/|$)).*)',
        headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy() }],
      },
    ];
  },
};

export default nextConfig;
