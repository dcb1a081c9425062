import 'server-only';
import { formatSearchQuery, nothingToSearch, parseSearchQuery, type NothingToSearch } from '@/lib/site/search-query';
import { countPages } from '@/lib/site/pagination';
import { nextDayKey, parseSearchRequest, startOfZonedDay, type SearchRequest } from '@/lib/site/search-params';
import { searchWithSpelling, type SearchResults } from './search';
import type { SectionLink } from './site';

// What the search page shows for one address (?q=&section=&from=&to=&sort=&exact=&page=): read by
// the page Next renders (app/(search)/search/page.tsx) and by the server in front of it, which
// renders only this part into the page's kept chrome (server/search-body.tsx).

export const SEARCH_PAGE_SIZE = 20;

// What the page needs besides the address, from the site's settings.
export interface SearchContext {
  sections: SectionLink[];
  timeZone: string;
}

export interface SearchPageView {
  request: SearchRequest;
  sections: SectionLink[];
  timeZone: string;
  // Why no search ran, when the query has nothing to look for.
  nothing: NothingToSearch | null;
  // A date filter is not a date: no search ran.
  datesWrong: boolean;
  results: SearchResults | null;
  // The words the results are for, as the reader would type them.
  shownQuery: string;
  // What the reader typed, when the results are for a better spelling ("Showing results for …").
  correctedFrom: string | null;
  // A better spelling that finds more ("Did you mean …?").
  didYouMean: string | null;
  page: number;
  totalPages: number;
  // ?page= is not a page, or past the last one.
  pageMissing: boolean;
}

type RawParams = Record<string, string | string[] | undefined>;

export async function getSearchPage(params: RawParams, context: SearchContext): Promise<SearchPageView> {
  const request = parseSearchRequest(params);
  const tz = context.timeZone;
  const parsed = parseSearchQuery(request.q);
  const nothing = nothingToSearch(parsed, request.q);
  const page = request.page ?? 1;
  const filters = {
    sectionSlug: request.section,
    fromMs: request.from ? startOfZonedDay(request.from, tz) : null,
    toMs: request.to ? startOfZonedDay(nextDayKey(request.to), tz) : null,
    sort: request.sort,
  };
  const datesWrong = request.problems.length > 0;
  // Null when no search ran (searchWithSpelling too, when the words build no match).
  const found =
    !nothing && request.page !== null && !datesWrong
      ? await searchWithSpelling(parsed, { ...filters, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE }, request.exact)
      : null;
  const results = found?.results ?? null;
  const totalPages = results ? countPages(results.total, SEARCH_PAGE_SIZE) : 1;
  return {
    request,
    sections: context.sections,
    timeZone: tz,
    nothing,
    datesWrong,
    results,
    shownQuery: found?.showing ? formatSearchQuery(found.showing) : request.q,
    correctedFrom: found?.showing ? request.q : null,
    didYouMean: found?.didYouMean ? formatSearchQuery(found.didYouMean) : null,
    page,
    totalPages,
    pageMissing: request.page === null || (results !== null && page > totalPages && results.total > 0),
  };
}
