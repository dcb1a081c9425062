// Runs scripts/search-cpu.bench.ts (CPU per distinct search) with the unit tests' aliases:
//   GAZETTE_DATA_DIR=./bench-data npx vitest run --config scripts/search-cpu.vitest.mts
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.join(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'lib/testing/empty-module.ts') } },
  test: { include: ['scripts/search-cpu.bench.ts'], environment: 'node', testTimeout: 600_000 },
});
