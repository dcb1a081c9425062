import { parseVideoUrl } from '@/lib/body/sanitize';
import type { BlockNode, BodyDoc } from '@/lib/body/types';

// Live coverage, as pure decisions: which state a story's coverage is in, how updates are
// ordered, their permalinks, and how an update's text becomes the allowlisted body document.

export interface CoverageTimes {
  startedAt: Date | string;
  endedAt: Date | string | null;
}

/** 'live' while coverage runs, 'ended' once it closed, null for a story that never was live. */
export function decideCoverageState(coverage: CoverageTimes | null, now: Date = new Date()): 'live' | 'ended' | null {
  if (!coverage) return null;
  if (coverage.endedAt && new Date(coverage.endedAt).getTime() <= now.getTime()) return 'ended';
  return 'live';
}

/** The fragment an update answers to: `#update-12`. */
export function updateAnchor(id: number): string {
  return `update-${id}`;
}

/** Matches the ids the reader page gives its updates (and nothing else on the page). */
export const UPDATE_ANCHOR = /^update-(\d+)$/;

interface Orderable {
  id: number;
  pinned: boolean;
  createdAt: Date | string;
}

/**
 * Pinned updates first, then newest first; the id breaks a tie (two posts in the same
 * millisecond), so every reader and the newsroom see one order.
 */
export function orderLiveUpdates<T extends Orderable>(updates: readonly T[]): T[] {
  const time = (u: T) => new Date(u.createdAt).getTime();
  return [...updates].sort((a, b) => Number(b.pinned) - Number(a.pinned) || time(b) - time(a) || b.id - a.id);
}

/** Paragraphs as typed: blank lines separate them, a single newline is a line break. */
export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** An update's text, image and video as the body document ArticleBody renders. */
export function liveUpdateDoc(update: { body: string; mediaId: number | null; embedUrl: string | null }): BodyDoc {
  const content: BlockNode[] = splitParagraphs(update.body).map((lines) => ({
    type: 'paragraph',
    content: lines.flatMap((line, i) => (i === 0 ? [{ type: 'text' as const, text: line }] : [{ type: 'hardBreak' as const }, { type: 'text' as const, text: line }])),
  }));
  if (update.mediaId) content.push({ type: 'image', attrs: { mediaId: update.mediaId } });
  const video = update.embedUrl ? parseVideoUrl(update.embedUrl) : null;
  if (video) content.push({ type: 'video', attrs: video });
  return { type: 'doc', content };
}

/** A headline for an update that has none (crawlers require one): its first words. */
export function updateHeadline(update: { title: string; body: string }, max = 110): string {
  if (update.title.trim()) return update.title.trim();
  const text = update.body.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]+$/, '')}…`;
}

/** Key points as the textarea holds them: one a line. */
export function parseKeyPoints(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]\s+)?/, '').trim())
    .filter((line) => line !== '');
}
