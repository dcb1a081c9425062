// Paginated lists (section fronts, tags, bylines, search): page numbers come from the URL as
// text, so everything here decides from strings and counts, never trusts them.

// The largest page number anyone may ask for; beyond it a URL is malformed, not just empty.
export const MAX_PAGE = 10_000;

// "2" → 2. Anything but a plain positive integer without leading zeros ("0", "02", "2.5",
// "-1", "abc", "") is not a page: the caller answers 404.
export function parsePageParam(raw: string | undefined | null): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

// At least one page, so an empty list still has its page 1 (with a friendly empty state).
export function countPages(total: number, pageSize: number): number {
  if (!Number.isFinite(total) || total <= 0 || pageSize <= 0) return 1;
  return Math.ceil(total / pageSize);
}

// The address of page N of a list at `base`: page 1 is the bare address, the others add
// ?page=N (keeping any query the base already has, as search does).
export function pageHref(base: string, page: number): string {
  if (page <= 1) return base;
  return `${base}${base.includes('?') ? '&' : '?'}page=${page}`;
}

// Which page numbers a pager shows: the first, the last, and the current one with its
// neighbours; null marks a gap ("…").
export function decidePageWindow(current: number, total: number, radius = 1): (number | null)[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [index, page] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) result.push(page - previous === 2 ? page - 1 : null);
    result.push(page);
  }
  return result;
}
