import { notFound, permanentRedirect } from 'next/navigation';
import { parsePageParam } from '@/lib/site/pagination';

// The page number from a paged route's parameter ("?page=N", rewritten to a path by
// next.config.ts): anything but a page number is a 404, and page 1 answers 308 to the bare
// address so it has one address. Used by the fronts (_fronts/front.tsx) and the corrections list.
export function requirePage(raw: string, base: string): number {
  const page = parsePageParam(raw);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(base);
  return page;
}
