import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { sections, settings } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@/lib/time/dates';
import { isXHandle } from '@/lib/validation/taxonomy';

export interface BreakingNews {
  text: string;
  url: string | null;
  expiresAt: string | null;
}

export interface SiteSettings {
  siteName: string;
  timeZone: string;
  breaking: BreakingNews | null;
  // The publication's X (Twitter) account, "@gazette", or null.
  xAccount: string | null;
}

export interface SectionLink {
  id: number;
  name: string;
  slug: string;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  'use cache';
  cacheTag(cacheTags.settings);
  cacheLife('max');
  return readSiteSettings();
}

// The settings as stored, uncached: for code that runs outside a page Next renders, where
// 'use cache' functions cannot be called (the search page's results, db/queries/search-page.ts).
export async function readSiteSettings(): Promise<SiteSettings> {
  const rows = await getDb().select().from(settings);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const siteName = map.get('site_name');
  const timeZone = map.get('time_zone');
  const breaking = map.get('breaking') as BreakingNews | null | undefined;
  const xAccount = map.get('x_account');
  // The settings table wins; the environment gives a fresh newsroom its defaults.
  const envName = process.env.GAZETTE_SITE_NAME?.trim();
  const envZone = process.env.GAZETTE_TIME_ZONE?.trim();
  return {
    siteName: typeof siteName === 'string' && siteName ? siteName : envName || 'The Gazette',
    timeZone:
      typeof timeZone === 'string' && isValidTimeZone(timeZone)
        ? timeZone
        : envZone && isValidTimeZone(envZone)
          ? envZone
          : DEFAULT_TIME_ZONE,
    breaking: breaking && typeof breaking.text === 'string' ? breaking : null,
    xAccount: typeof xAccount === 'string' && isXHandle(xAccount) ? xAccount : null,
  };
}

export async function listSections(): Promise<SectionLink[]> {
  'use cache';
  cacheTag(cacheTags.sections);
  cacheLife('max');
  return readSections();
}

// The sections in order, uncached (see readSiteSettings).
export async function readSections(): Promise<SectionLink[]> {
  return getDb()
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export interface SectionPage extends SectionLink {
  description: string;
}

export async function getSectionBySlug(slug: string): Promise<SectionPage | null> {
  'use cache';
  cacheTag(cacheTags.sections);
  cacheLife('max');
  const [row] = await getDb()
    .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return row ?? null;
}
