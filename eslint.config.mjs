import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Public content expires through server/expire-tags.ts only, which also empties the page cache in
// front of Next (gateway/page-cache.mjs); a direct revalidateTag would leave that cache stale.
const cacheExpiry = {
  name: 'next/cache',
  importNames: ['revalidateTag', 'updateTag', 'revalidatePath'],
  message: 'Expire cache tags with expireTags / expireTagsInAction from @/server/expire-tags (it also empties the page cache).',
};

const dataBoundary = {
  paths: [
    cacheExpiry,
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
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-data/**', 'bench-data/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**', 'tmp/**'],
  },
  {
    // Keep the data layer behind one door: app/, components/ and lib/ never talk SQL.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', dataBoundary] },
  },
  {
    // components/ui is presentational: props in, markup out (components/ui/index.ts says what belongs there).
    files: ['components/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: dataBoundary.paths,
          patterns: [
            {
              group: ['@/*', '../*'],
              message: 'components/ui takes everything through props: no data, actions, permissions or domain pieces. Put a piece that needs them in components/admin/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The newsroom's doors: every server action and admin JSON route is made by server/door.ts
    // (adminAction, adminCommand, adminRoute), which signs the caller in, asks lib/newsroom/permissions.ts
    // and expires what the mutation names. No other way in.
    files: ['app/admin/**/*.{ts,tsx}', 'app/api/admin/**/*.ts'],
    ignores: ['app/admin/**/page.tsx', 'app/admin/**/layout.tsx', 'app/admin/**/*.test.ts', 'app/admin/**/*-form.tsx', 'app/admin/**/*-forms.tsx', 'app/admin/**/*-editor.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...dataBoundary,
          paths: [
            ...dataBoundary.paths,
            { name: 'next/cache', message: 'The door (server/door.ts) expires and refreshes: return `invalidates` from run().' },
            { name: 'next/headers', message: 'The door (server/door.ts) reads the caller: use the caller run() is given.' },
            { name: '@/server/session', message: 'Server actions and admin routes go through server/door.ts (adminAction, adminCommand, adminRoute).' },
            { name: '@/server/expire-tags', message: 'Return `invalidates` from run(): the door (server/door.ts) expires them.' },
            { name: '@/auth', importNames: ['auth'], message: 'The door (server/door.ts) reads the session.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/expire-tags.ts'],
    rules: { 'no-restricted-imports': ['error', { ...dataBoundary, paths: dataBoundary.paths.filter((p) => p !== cacheExpiry) }] },
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
