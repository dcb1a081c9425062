import type { NextConfig } from 'next';

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
  experimental: {},
};

export default nextConfig;
