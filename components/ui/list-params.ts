// Reads back what ListSearch (`q`) and ListPager (`page`) put in the address. Anything else
// there, or a repeated parameter, counts as absent: the first page, no search.
export function readListParams(params: Record<string, string | string[] | undefined>, maxQueryLength: number): { q: string; page: number } {
  const q = typeof params.q === 'string' ? params.q.slice(0, maxQueryLength) : '';
  const page = Number(typeof params.page === 'string' ? params.page : '1');
  return { q, page: Number.isInteger(page) && page > 0 ? page : 1 };
}
