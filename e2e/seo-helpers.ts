import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { TEST_DB_PATH } from './fixtures';

// W3C datetime with seconds and an explicit offset, as sitemaps and JSON-LD must carry.
export const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export type Ld = Record<string, unknown> & { '@type': string | string[] };

// Every JSON-LD object on a page (arrays flattened).
export function jsonLdOf(html: string): Ld[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.flatMap((m) => {
    const parsed = JSON.parse(m[1]!) as Ld | Ld[];
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

export function ldOfType(html: string, type: string): Ld {
  const found = jsonLdOf(html).find((ld) => ld['@type'] === type);
  if (!found) throw new Error(`No ${type} JSON-LD on the page`);
  return found;
}

export async function getHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
  return response.text();
}

// A writable connection for tests that add rows the app would add through a mutation.
export function withWritableTestDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(TEST_DB_PATH, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return work(db);
  } finally {
    db.close();
  }
}

// The value of the first head tag that starts with `prefix` ('meta property="og:type" content'),
// HTML entities decoded; undefined when there is none.
export function metaContent(html: string, prefix: string): string | undefined {
  const head = html.slice(0, html.indexOf('</head>'));
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const value = new RegExp(`<${escaped}="([^"]*)"`).exec(head)?.[1];
  return value?.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
