import { dayKey } from '../time/dates';
import { normalizeSearchInput } from './search-query';
import { parsePageParam } from './pagination';

// The search page's URL (?q=&section=&from=&to=&page=) read defensively: any value a reader
// or a crawler puts there becomes either a valid filter or no filter, never an error.

export interface SearchRequest {
  q: string;
  section: string | null;
  from: string | null;
  to: string | null;
  page: number | null;
}

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function validDay(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2999
    ? value
    : null;
}

export function parseSearchRequest(params: RawParams): SearchRequest {
  const section = first(params.section);
  const rawPage = first(params.page);
  let from = validDay(first(params.from));
  let to = validDay(first(params.to));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: normalizeSearchInput(first(params.q) ?? ''),
    section: section && /^[a-z0-9-]{1,120}$/.test(section) ? section : null,
    from,
    to,
    // Absent means page 1; present but malformed is reported so the page can say so.
    page: rawPage === undefined ? 1 : parsePageParam(rawPage),
  };
}

// The search address for these filters, page 1 (the pager adds &page=N).
export function searchHref(request: Omit<SearchRequest, 'page'>): string {
  const params = new URLSearchParams();
  params.set('q', request.q);
  if (request.section) params.set('section', request.section);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  return `/search?${params.toString()}`;
}

// The first instant of a calendar day ('YYYY-MM-DD') in the newsroom's zone, as epoch ms.
export function startOfZonedDay(key: string, timeZone: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Midnight in the zone lies within ±14 h of UTC midnight: find the first instant whose
  // zoned day is `key` by bisection, which also handles days that start at 01:00.
  let before = utcMidnight - 15 * 3_600_000;
  let after = utcMidnight + 15 * 3_600_000;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayKey(new Date(middle), timeZone) >= key) after = middle;
    else before = middle;
  }
  return after;
}

// The day after a day key, for an exclusive upper bound.
export function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
