import { isBannerLink } from '@/lib/validation/taxonomy';

// Decisions behind the front page: which stories fill the curated slots, and whether the
// breaking-news banner shows.

export const TOP_STORY_SLOTS = 4;

interface Identified {
  id: number;
}

// The desk's lead and top stories, in their slot order; an empty or unpublished slot falls back
// to the newest story not already on the front. No story appears twice.
export function decideFrontStories<T extends Identified>(
  curatedLead: T | null,
  curatedTop: (T | null)[],
  latest: T[],
  slots = TOP_STORY_SLOTS,
): { lead: T | null; top: T[] } {
  const used = new Set<number>();
  const take = (story: T | null | undefined) => (story && !used.has(story.id) ? (used.add(story.id), story) : null);
  const lead = take(curatedLead);
  const top: (T | null)[] = [];
  for (let i = 0; i < slots; i++) top.push(take(curatedTop[i]));
  const spare = latest.filter((story) => !used.has(story.id));
  const next = () => {
    const story = spare.shift();
    if (story) used.add(story.id);
    return story ?? null;
  };
  const finalLead = lead ?? next();
  const finalTop = top.map((story) => story ?? next()).filter((story): story is T => story !== null);
  return { lead: finalLead, top: finalTop };
}

export interface BreakingBanner {
  text: string;
  url: string | null;
  expiresAt: string | null;
}

// The banner shows while it has text and has not expired; a link must be a site path or http(s).
export function decideBreaking(breaking: BreakingBanner | null, now: Date): BreakingBanner | null {
  if (!breaking || typeof breaking.text !== 'string' || breaking.text.trim() === '') return null;
  if (breaking.expiresAt) {
    const expires = Date.parse(breaking.expiresAt);
    if (Number.isNaN(expires) || expires <= now.getTime()) return null;
  }
  // Checked again here: a link stored before a rule was tightened must not reach readers.
  const url = typeof breaking.url === 'string' && isBannerLink(breaking.url) ? breaking.url : null;
  return { text: breaking.text.trim(), url, expiresAt: breaking.expiresAt ?? null };
}
