import { decidePageWindow, pageHref } from '@/lib/site/pagination';

// Real links to real pages, so paging works without JavaScript and every page has an address.
export function Pager({ base, page, totalPages }: { base: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  // A block of one line: as a grid, "Next", its hidden " page" and the arrow were three rows.
  const linkClass = 'block min-w-10 border border-rule px-3 py-2 text-center font-semibold whitespace-nowrap hover:border-ink';
  return (
    <nav aria-label="Pages" data-testid="pager" className="no-print mt-12 border-t border-rule pt-6">
      <ul className="flex flex-wrap items-center justify-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <a href={pageHref(base, page - 1)} rel="prev" className={linkClass}>
              <span aria-hidden="true">← </span>Previous<span className="sr-only"> page</span>
            </a>
          </li>
        ) : null}
        {decidePageWindow(page, totalPages).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <a
                href={pageHref(base, p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                className={`${linkClass} aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-paper`}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={pageHref(base, page + 1)} rel="next" className={linkClass}>
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
