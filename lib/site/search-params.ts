import { dayKey } from '../time/dates';
import { normalizeSearchInput } from './search-query';
import { parsePageParam } from './pagination';

// The search page's URL (?q=&section=&from=&to=&sort=&exact=&page=) read defensively: any value a
// reader or a crawler puts there becomes a valid filter, no filter, or a problem the page states
// in words (a date that is not a date, a range that ends before it starts); never an error.

export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchProblem {
  field: 'from' | 'to';
  message: string;
}

export interface SearchRequest {
  q: string;
  section: string | null;
  from: string | null;
  to: string | null;
  sort: SearchSort;
  // The words exactly as typed: no spelling correction ("search instead for …").
  exact: boolean;
  page: number | null;
  // Date filters that could not be used; the page shows them and runs no search.
  problems: SearchProblem[];
}

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function validDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2999
    ? value
    : null;
}

// What a reader typed, short enough to quote back.
function shown(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed;
}

function readDay(raw: string | undefined, field: 'from' | 'to', label: string, problems: SearchProblem[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const day = validDay(raw.trim());
  if (!day) problems.push({ field, message: `The ${label} date “${shown(raw)}” is not a date. Use a date such as 2026-03-31.` });
  return day;
}

export function parseSearchRequest(params: RawParams): SearchRequest {
  const section = first(params.section);
  const rawPage = first(params.page);
  const problems: SearchProblem[] = [];
  const from = readDay(first(params.from), 'from', 'start', problems);
  const to = readDay(first(params.to), 'to', 'end', problems);
  if (from && to && from > to) problems.push({ field: 'to', message: `The end date (${to}) is before the start date (${from}).` });
  return {
    q: normalizeSearchInput(first(params.q) ?? ''),
    section: section && /^[a-z0-9-]{1,120}$/.test(section) ? section : null,
    from,
    to,
    sort: first(params.sort) === 'newest' ? 'newest' : 'relevance',
    exact: first(params.exact) === '1',
    // Absent means page 1; present but malformed is reported so the page can say so.
    page: rawPage === undefined ? 1 : parsePageParam(rawPage),
    problems,
  };
}

// The search address for these filters, page 1 (the pager adds &page=N). Defaults are left out,
// so one search has one address (and one entry in the search cache).
export function searchHref(request: Pick<SearchRequest, 'q' | 'section' | 'from' | 'to'> & Partial<Pick<SearchRequest, 'sort' | 'exact'>>): string {
  const params = new URLSearchParams();
  params.set('q', request.q);
  if (request.section) params.set('section', request.section);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.sort === 'newest') params.set('sort', 'newest');
  if (request.exact) params.set('exact', '1');
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
