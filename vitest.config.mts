import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': import.meta.dirname,
      // 'server-only' throws outside React Server Components; unit tests run in plain Node.
      'server-only': path.join(import.meta.dirname, 'lib/testing/empty-module.ts'),
    },
  },
  test: {
    include: ['*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'lib/**/*.test.ts', 'lib/**/*.test.tsx', 'db/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'server/**/*.test.ts', 'platform/**/*.test.ts', 'gateway/**/*.test.ts'],
    environment: 'node',
  },
});
