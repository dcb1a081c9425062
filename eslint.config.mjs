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

// The layers and their one-way arrows (docs/where-code-lives.md draws them): each folder may
// import only the folders below it. A rule lists what a layer may NOT reach.
const reach = (folder, why) => ({ group: [`@/${folder}/*`, `../${folder}/*`, `../../${folder}/*`, `../../../${folder}/*`], message: why });
const upward = {
  app: reach('app', 'Nothing imports a route module: move what is shared into components/ or lib/.'),
  components: reach('components', 'Components are for pages: this layer sits below them.'),
  server: reach('server', 'server/ (the door, the session, expiry) sits above this layer.'),
  db: reach('db', 'db/ sits above this layer: pass what you need in, or move the code up.'),
  platform: reach('platform', 'platform/ is server-only (Node files, crypto, logging): lib/ must be safe anywhere.'),
  gateway: reach('gateway', 'gateway/ holds the plain-Node layers in front of Next; only scripts/start.mjs and server/ use them.'),
};
const nodeOnly = {
  group: ['node:*', 'server-only', 'sharp', 'pino', 'better-sqlite3', '@node-rs/*'],
  message: 'lib/ is shared, pure logic that is safe anywhere (browser included): server-only code goes to platform/ or server/.',
};
// Type imports carry no code: a lower layer may name a shape an upper one returns.
const typesOnly = (pattern) => ({ ...pattern, allowTypeImports: true });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'public/islands/**', 'node_modules/**', 'data/**', 'test-data/**', 'bench-data/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**', 'tmp/**'],
  },
  {
    // Keep the data layer behind one door: app/ and components/ never talk SQL.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', dataBoundary] },
  },
  {
    // components/ → lib/, server/ (types), app/'s server actions; never the layers that need Node.
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...dataBoundary, patterns: [...dataBoundary.patterns, typesOnly(upward.server), upward.platform, upward.gateway] },
      ],
    },
  },
  {
    // server/ → db/, platform/, lib/ (and gateway/'s shared keys).
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [], patterns: [upward.app, upward.components] }] },
  },
  {
    // db/ → platform/, lib/.
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [cacheExpiry], patterns: [upward.app, upward.components, upward.server, upward.gateway] }] },
  },
  {
    // platform/ → lib/ only.
    files: ['platform/**/*.{ts,mjs}'],
    ignores: ['platform/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [cacheExpiry], patterns: [upward.app, upward.components, upward.server, upward.db, upward.gateway] }] },
  },
  {
    // lib/ → lib/ only (types from db/ allowed); nothing that needs Node.
    files: ['lib/**/*.{ts,tsx,mjs}'],
    ignores: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'lib/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: dataBoundary.paths,
          patterns: [
            upward.app,
            upward.components,
            typesOnly(upward.server),
            typesOnly(upward.db),
            upward.platform,
            upward.gateway,
            nodeOnly,
          ],
        },
      ],
    },
  },
  {
    // islands/ is the reader's browser code, bundled alone (scripts/build-islands.mjs): lib/ at most,
    // and nothing of React or Next, which reader documents do not carry.
    files: ['islands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: dataBoundary.paths,
          patterns: [
            upward.app,
            upward.components,
            upward.server,
            upward.db,
            upward.platform,
            upward.gateway,
            nodeOnly,
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*'], message: 'Islands run without React or Next: reader documents carry neither (docs/decisions/018-light-reader-pages.md).' },
          ],
        },
      ],
    },
  },
  {
    // gateway/ runs before Next, as plain Node: lib/ (pure) at most.
    files: ['gateway/**/*.mjs'],
    rules: { 'no-restricted-imports': ['error', { paths: [], patterns: [upward.app, upward.components, upward.server, upward.db, upward.platform] }] },
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
