import type { Metadata } from 'next';
import { Pager } from '@/components/article/pager';
import { SearchForm } from '@/components/site/search-form';
import { searchArticles } from '@/db/queries/search';
import { getSiteSettings, listSections } from '@/db/queries/site';
import { formatPublishedDate } from '@/lib/time/dates';
import { countPages, pageHref } from '@/lib/site/pagination';
import { nextDayKey, parseSearchRequest, searchHref, startOfZonedDay } from '@/lib/site/search-params';
import { buildHighlightExpression, buildMatchExpression, splitHighlights } from '@/lib/site/search-query';

export const metadata: Metadata = {
  title: 'Search',
  robots: { index: false, follow: true },
};

const PAGE_SIZE = 20;

// Allowed to block: the results are read before the first byte, so the response is the whole
// page. Behind a <Suspense> boundary they streamed into a hidden element after the shell, and a
// reader without JavaScript saw an empty search (decision 001: complete HTML on first response).
export const instant = false;

export default function SearchPage(props: PageProps<'/search'>) {
  return (
    <div className="mx-auto max-w-3xl py-8">
      <h1 className="font-serif text-4xl font-bold tracking-tight">Search</h1>
      <SearchResultsView searchParams={props.searchParams} />
    </div>
  );
}

async function SearchResultsView({ searchParams }: { searchParams: PageProps<'/search'>['searchParams'] }) {
  const request = parseSearchRequest(await searchParams);
  const [sections, settings] = await Promise.all([listSections(), getSiteSettings()]);
  const tz = settings.timeZone;
  const match = buildMatchExpression(request.q);
  const page = request.page ?? 1;
  const results =
    match && request.page !== null
      ? await searchArticles({
          match,
          highlight: buildHighlightExpression(request.q),
          sectionSlug: request.section,
          fromMs: request.from ? startOfZonedDay(request.from, tz) : null,
          toMs: request.to ? startOfZonedDay(nextDayKey(request.to), tz) : null,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : null;
  const totalPages = results ? countPages(results.total, PAGE_SIZE) : 1;
  const base = searchHref(request);

  return (
    <>
      <div className="mt-6">
        <SearchForm defaultValue={request.q} id="search-page-q">
          <fieldset className="flex min-w-0 flex-wrap items-end gap-3 text-sm">
            <legend className="sr-only">Filters</legend>
            {/* A fieldset and a select are as wide as their longest option unless told otherwise:
                one long section name widened the whole page on a phone. */}
            <label className="flex max-w-full min-w-0 flex-col gap-1">
              <span className="font-semibold">Section</span>
              <select
                name="section"
                defaultValue={request.section ?? ''}
                className="w-full max-w-full border border-rule bg-paper px-2 py-1.5 text-ink sm:w-auto sm:max-w-xs"
              >
                <option value="">All sections</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-semibold">From</span>
              <input
                type="date"
                name="from"
                defaultValue={request.from ?? ''}
                className="border border-rule bg-paper px-2 py-1 text-ink"
              />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-semibold">To</span>
              <input
                type="date"
                name="to"
                defaultValue={request.to ?? ''}
                className="border border-rule bg-paper px-2 py-1 text-ink"
              />
            </label>
          </fieldset>
        </SearchForm>
      </div>

      <section aria-labelledby="search-results-heading" className="mt-8">
        <h2 id="search-results-heading" data-testid="search-summary" className="border-b border-rule pb-2 text-sm text-muted">
          {!match
            ? request.q
              ? 'Type a word or two to search: punctuation and symbols are ignored.'
              : 'Search every story we have published.'
            : request.page === null || (results && page > totalPages && results.total > 0)
              ? 'That page of results does not exist.'
              : results?.failed
                ? 'Search is not available right now. Please try again in a moment.'
                : results && results.total > 0
                  ? results.capped
                    ? `More than ${results.total.toLocaleString('en')} results for “${request.q}”`
                    : `${results.total} ${results.total === 1 ? 'result' : 'results'} for “${request.q}”`
                  : `No results for “${request.q}”.`}
        </h2>
        {results && results.total === 0 && match ? (
          <p data-testid="search-empty" className="mt-4 text-muted">
            Check the spelling, try fewer or more general words, or remove the filters.
          </p>
        ) : null}
        {results && results.hits.length > 0 ? (
          <ol data-testid="search-results" className="divide-y divide-rule">
            {results.hits.map(({ article, snippet, title }) => (
              <li key={article.id} className="py-5">
                <p className="text-xs font-bold tracking-wide text-accent uppercase">
                  {article.section.name}
                  <span className="font-normal text-muted normal-case">
                    {' · '}
                    <time dateTime={article.publishedAt}>{formatPublishedDate(new Date(article.publishedAt), tz)}</time>
                  </span>
                </p>
                <h3 className="mt-1 font-serif text-xl leading-snug font-bold">
                  <a href={article.url} className="hover:underline">
                    <Highlighted text={title} />
                  </a>
                </h3>
                {snippet ? (
                  <p className="mt-1.5 text-[0.95rem] leading-relaxed text-muted">
                    <Highlighted text={snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {results && request.page !== null && page <= totalPages ? (
          <Pager base={base} page={page} totalPages={totalPages} />
        ) : null}
        {request.page === null || (results && page > totalPages && results.total > 0) ? (
          <p className="mt-4">
            <a href={pageHref(base, 1)} className="font-semibold text-accent hover:underline">
              Go to the first page of results
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}

// Sentinel-marked text from SQLite as React elements: matches in <mark>, never HTML strings.
function Highlighted({ text }: { text: string }) {
  return splitHighlights(text).map((part, index) =>
    part.highlight ? (
      <mark key={index} className="bg-yellow-200 px-0.5 text-neutral-950">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
