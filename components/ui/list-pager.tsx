// Previous and next links under a list that ListSearch filters; they keep its `q`. Nothing when
// the `total` rows fit on one page of `perPage`.
export function ListPager({
  action,
  query,
  page,
  total,
  perPage,
  previousLabel = '← Previous',
  nextLabel = 'Next →',
}: {
  action: string;
  query: string;
  page: number;
  total: number;
  perPage: number;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const pageCount = Math.ceil(total / perPage);
  if (pageCount <= 1) return null;
  const href = (p: number) => `${action}?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  return (
    <nav aria-label="Pages" className="flex justify-between border-t border-rule px-6 py-3 text-sm">
      {page > 1 ? <a href={href(page - 1)}>{previousLabel}</a> : <span />}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <a href={href(page + 1)}>{nextLabel}</a> : <span />}
    </nav>
  );
}
