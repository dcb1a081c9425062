import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const dataBoundary = {
  paths: [
    {
      name: 'better-sqlite3',
      message: 'Only db/client.ts opens SQLite. Call a function from db/queries or db/mutations.',
    },
    {
      name: 'drizzle-orm',
      message: 'SQL lives in db/. Pages and components call db/queries (reads) or db/mutations (writes).',
    },
  ],
  patterns: [
    {
      group: ['drizzle-orm/*', '@/db/client', '**/db/client', '@/db/schema', '**/db/schema'],
      message:
        'SQL lives in db/. Pages and components call db/queries (reads) or db/mutations (writes), which return page-shaped objects.',
      // Types (enums, inferred rows) may be shared; queries may not.
      allowTypeImports: true,
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-data/**', 'bench-data/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'],
  },
  {
    // Keep the data layer behind one door: app/, components/ and lib/ never talk SQL.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', dataBoundary] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Reader pages link with plain <a> on purpose: every page is static HTML, and
      // <Link> would prefetch each of the dozens of links on a front page from the
      // server. See docs/decisions/002-plain-links-on-reader-pages.md.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
];

export default config;
