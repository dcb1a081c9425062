import 'server-only';
import { sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { cacheTags } from '@/lib/site/cache-tags';
import { CORRECTIONS_PAGE_SIZE, flattenNotes, type CorrectionEntry } from '@/lib/articles/corrections';
import type { ArticleNote } from '@/lib/domain';
import { articleUrl } from './articles';

// One page of the public notes (correction, clarification, update) of live articles, newest
// first, for the /corrections page, and how many there are in all. Few articles carry notes: the
// partial index articles_corrections_idx holds exactly those, so this never walks the articles
// table. Its WHERE must match the index's.
export async function listCorrectionNotes(page: number): Promise<{ notes: CorrectionEntry[]; total: number }> {
  'use cache';
  cacheTag(cacheTags.corrections);
  cacheLife('max');
  const all = toEntries(await readNotedArticles());
  const notes = all.slice((page - 1) * CORRECTIONS_PAGE_SIZE, page * CORRECTIONS_PAGE_SIZE);
  // Each listed story's headline and address are on the page: its edits and unpublishing reach
  // it. Only the stories this page shows: a page tagged with every noted story would carry
  // thousands of keys to the edge cache (a header past what proxies accept). A new or removed
  // note moves every page, and expires 'corrections'.
  const shown = new Set(notes.map((note) => cacheTags.article(note.articleId)));
  if (shown.size > 0) cacheTag(...shown);
  return { notes, total: all.length };
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
