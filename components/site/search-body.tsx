import { Pager } from '@/components/article/pager';
import { SearchForm } from '@/components/site/search-form';
import type { SearchPageView } from '@/db/queries/search-page';
import { formatPublishedDate } from '@/lib/time/dates';
import { pageHref } from '@/lib/site/pagination';
import { searchHref } from '@/lib/site/search-params';
import { splitHighlights, type NothingToSearch } from '@/lib/site/search-query';

// Everything on the search page below its heading: the form with its filters, the summary, the
// results and the pager, for one address (db/queries/search-page.ts). Plain markup, no hooks and
// no data of its own: Next renders it inside the page, and the server in front of Next renders it
// alone into the page's kept chrome (gateway/search-pages.mjs), so both must give the same HTML.

const NOTHING: Record<NothingToSearch, string> = {
  empty: 'Search every story we have published.',
  'no-words': 'Nothing to search for: type a word or two. Punctuation and symbols are ignored.',
  'only-exclusions': 'Nothing to search for: add a word to look for as well as the words to leave out (-word).',
};

export function SearchBody({ view }: { view: SearchPageView }) {
  const { request, sections, timeZone: tz, nothing, datesWrong, results, shownQuery, correctedFrom, didYouMean, page, totalPages, pageMissing } = view;
  const base = searchHref(request);
  const problem = (field: 'from' | 'to') => request.problems.find((p) => p.field === field);

  return (
    <>
      <div className="mt-6">
        <SearchForm defaultValue={request.q} id="search-page-q">
          <fieldset className="flex min-w-0 flex-wrap items-start gap-3 text-sm">
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
            <DateField name="from" label="From" value={request.from} problem={problem('from')?.message} />
            <DateField name="to" label="To" value={request.to} problem={problem('to')?.message} />
            <label className="flex flex-col gap-1">
              <span className="font-semibold">Sort by</span>
              <select name="sort" defaultValue={request.sort} className="border border-rule bg-paper px-2 py-1.5 text-ink">
                <option value="relevance">Relevance</option>
                <option value="newest">Newest first</option>
              </select>
            </label>
          </fieldset>
        </SearchForm>
      </div>

      <section aria-labelledby="search-results-heading" className="mt-8">
        <h2 id="search-results-heading" data-testid="search-summary" className="border-b border-rule pb-2 text-sm text-muted">
          {nothing
            ? NOTHING[nothing]
            : datesWrong
              ? 'Check the dates above to search.'
              : pageMissing
                ? 'That page of results does not exist.'
                : results?.failed
                  ? 'Search is not available right now. Please try again in a moment.'
                  : results && results.total > 0
                    ? results.capped
                      ? `More than ${results.total.toLocaleString('en')} results for “${shownQuery}”`
                      : `${results.total} ${results.total === 1 ? 'result' : 'results'} for “${shownQuery}”`
                    : `No results for “${request.q}”.`}
        </h2>
        {correctedFrom !== null ? (
          <p data-testid="search-correction" className="mt-3">
            Showing results for <strong className="font-semibold">{shownQuery}</strong>
            {' — '}
            <a href={searchHref({ ...request, exact: true })} className="text-accent underline">
              search instead for {correctedFrom}
            </a>
          </p>
        ) : null}
        {didYouMean !== null ? (
          <p data-testid="search-suggestion" className="mt-3">
            Did you mean{' '}
            <a href={searchHref({ ...request, q: didYouMean })} className="font-semibold text-accent underline">
              {didYouMean}
            </a>
            ?
          </p>
        ) : null}
        {results && results.total === 0 ? (
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
                {article.bylines ? (
                  <p data-testid="search-byline" className="mt-1 text-sm text-muted">
                    By {article.bylines}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {results && request.page !== null && page <= totalPages ? (
          <Pager base={base} page={page} totalPages={totalPages} />
        ) : null}
        {pageMissing ? (
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

// A date filter; a value that is not a date is named below the field (its description, not part
// of its name).
function DateField({ name, label, value, problem }: { name: 'from' | 'to'; label: string; value: string | null; problem?: string }) {
  const id = `search-${name}`;
  const hint = `${id}-problem`;
  return (
    <div className="flex max-w-full flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="date"
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? hint : undefined}
        className="border border-rule bg-paper px-2 py-1 text-ink aria-invalid:border-red-700"
      />
      {problem ? (
        <p id={hint} className="max-w-56 text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
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

// Marks where the body begins and ends in the page's HTML (lib/site/search-slot.mjs): empty
// hidden elements, which take no room and say nothing to a screen reader.
export function SearchBodySlot({ children }: { children: React.ReactNode }) {
  return (
    <>
      <span hidden data-search-body="start" />
      {children}
      <span hidden data-search-body="end" />
    </>
  );
}
