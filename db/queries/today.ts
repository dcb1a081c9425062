import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { cacheTags } from '@/lib/site/cache-tags';
import { dayKey, formatMastheadDate, nextMidnight, secondsUntilNextMidnight } from '@/lib/time/dates';
import { getSiteSettings } from './site';

export interface NewsroomToday {
  iso: string;
  day: string;
  label: string;
  timeZone: string;
  /** When this label stops being true: the next midnight in the zone (epoch ms). */
  validUntil: number;
}

// "Now" as cached pages see it. The cache entry ends at the next midnight in
// the newsroom's zone, so every page that shows a date (masthead, day headings)
// is rendered again for the new day. Next.js needs an expiry of at least five
// minutes to keep a page static, so in the last minutes before midnight the
// client-side date fix (components/site/today-date.tsx) covers the gap.
export async function getNewsroomToday(): Promise<NewsroomToday> {
  'use cache';
  cacheTag(cacheTags.settings);
  const { timeZone } = await getSiteSettings();
  const now = new Date();
  const untilMidnight = Math.max(60, secondsUntilNextMidnight(now, timeZone));
  cacheLife({ stale: 300, revalidate: untilMidnight, expire: Math.max(300, untilMidnight + 1) });
  return {
    iso: now.toISOString(),
    day: dayKey(now, timeZone),
    label: formatMastheadDate(now, timeZone),
    timeZone,
    validUntil: nextMidnight(now, timeZone),
  };
}
