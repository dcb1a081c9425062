import 'server-only';
import { sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { cacheTags, cardTags } from '@/lib/site/cache-tags';
import { flattenNotes, type CorrectionEntry } from '@/lib/articles/corrections';
import type { ArticleNote } from '@/lib/domain';
import { articleUrl } from './articles';

// Every public note (correction, clarification, update) of live articles, newest first, for the
// /corrections page. Few articles carry notes: the partial index articles_corrections_idx holds
// exactly those, so this never walks the articles table. Its WHERE must match the index's.
export async function listCorrectionNotes(): Promise<CorrectionEntry[]> {
  'use cache';
  cacheTag(cacheTags.corrections);
  cacheLife('max');
  const rows = await readNotedArticles();
  // Each listed story's headline and address are on the page: its edits and unpublishing reach
  // it. (Next takes at most 128 tags a call.)
  const shown = cardTags(rows);
  for (let i = 0; i < shown.length; i += 100) cacheTag(...shown.slice(i, i + 100));
  return toEntries(rows);
}

/**
 * How many notes the page lists, read without the cache: the server in front of Next asks it
 * before a render (db/queries/public-paths.ts), where 'use cache' functions cannot run.
 */
export async function countCorrectionNotes(): Promise<number> {
  return toEntries(await readNotedArticles()).length;
}

interface NotedArticle {
  id: number;
  title: string;
  slug: string;
  section: string;
  corrections: string;
}

async function readNotedArticles(): Promise<NotedArticle[]> {
  return getDb().all<NotedArticle>(sql`
    SELECT a.id AS id, a.title AS title, a.slug AS slug, s.slug AS section, a.corrections AS corrections
      FROM articles AS a INDEXED BY articles_corrections_idx
      JOIN sections AS s ON s.id = a.section_id
     WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.corrections <> '[]'
     ORDER BY a.published_at DESC`);
}

function toEntries(rows: NotedArticle[]): CorrectionEntry[] {
  return flattenNotes(
    rows.map((r) => ({ id: r.id, title: r.title, url: articleUrl(r.section, r.slug), notes: parseNotes(r.corrections) })),
  );
}

function parseNotes(json: string): ArticleNote[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as ArticleNote[]) : [];
  } catch {
    return [];
  }
}
