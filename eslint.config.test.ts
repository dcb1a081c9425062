import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The arrows between the layers (docs/where-code-lives.md) are enforced by eslint.config.mjs;
// these cases prove each rule refuses what it is meant to refuse, on code that is otherwise fine.

const root = import.meta.dirname;
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The first lint loads every plugin: seconds on a busy machine.
describe('the lint boundaries', { timeout: 60_000 }, () => {
  it('refuses a server action or admin route that skips the door', async () => {
    const action = `'use server';\nimport { getCurrentUser } from '@/server/session';\nexport async function a() { return getCurrentUser(); }\n`;
    expect(await restrictedImports('app/admin/tags/actions.ts', action)).toEqual([expect.stringContaining('server/door.ts')]);
    const route = `import { expireTags } from '@/server/expire-tags';\nexport async function POST() { expireTags(['home']); return new Response(null); }\n`;
    expect(await restrictedImports('app/api/admin/tags/route.ts', route)).toEqual([expect.stringContaining('invalidates')]);
  });

  it('lets the door itself and a page ask who is signed in', async () => {
    const page = `import { requirePermission } from '@/server/session';\nexport default async function P() { await requirePermission('tag.manage'); return null; }\n`;
    expect(await restrictedImports('app/admin/tags/page.tsx', page)).toEqual([]);
  });

  it('keeps SQL in db/', async () => {
    const code = `import { getDb } from '@/db/client';\nexport const x = getDb;\n`;
    expect(await restrictedImports('components/article/card.tsx', code)).toHaveLength(1);
  });

  it('lets each layer import only the layers below it', async () => {
    const refused: [string, string][] = [
      ['lib/site/x.ts', `import { getLogger } from '@/platform/logger';`],
      ['lib/site/x.ts', `import fs from 'node:fs';`],
      ['lib/site/x.ts', `import { getArticleBySlug } from '@/db/queries/articles';`],
      ['platform/x.ts', `import { getDb } from '../db/client';`],
      ['db/queries/x.ts', `import { adminRoute } from '@/server/door';`],
      ['server/x.ts', `import { ArticleCard } from '@/components/article/article-card';`],
      ['components/article/x.tsx', `import { readAuthSecret } from '@/platform/config.mjs';`],
      ['components/admin/x.tsx', `import { adminRoute } from '@/server/door';`],
      ['gateway/x.mjs', `import { getDb } from '../db/client.ts';`],
      ['islands/x.ts', `import { useState } from 'react';`],
      ['islands/x.ts', `import { ViewBeacon } from '@/components/article/view-beacon';`],
    ];
    for (const [file, line] of refused) {
      expect(await restrictedImports(file, `${line}\nexport const used = [${line.match(/import \{?\s*(\w+)/)![1]}];\n`), `${file}: ${line}`).toHaveLength(1);
    }
    const allowed: [string, string][] = [
      ['lib/seo/x.ts', `import type { ArticlePage } from '@/db/queries/articles';`],
      ['components/admin/x.tsx', `import type { ArticleSaved } from '@/server/newsroom-api';`],
      ['db/queries/x.ts', `import { getLogger } from '@/platform/logger';`],
      ['server/x.ts', `import { getDb } from '@/db/client';`],
      ['gateway/x.mjs', `import { classifyPublicPath } from '../lib/site/public-routes.mjs';`],
      ['islands/x.ts', `import { NEWS_FEED_STYLES } from '@/lib/site/news-feed-styles';`],
    ];
    for (const [file, line] of allowed) {
      expect(await restrictedImports(file, `${line}\nexport type Used = unknown;\n`), `${file}: ${line}`).toEqual([]);
    }
  });
});
