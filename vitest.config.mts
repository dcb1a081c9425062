import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // 'server-only' throws outside React Server Components; unit tests run in plain Node.
      'server-only': path.resolve(__dirname, 'lib/testing/empty-module.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'db/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
  },
});
