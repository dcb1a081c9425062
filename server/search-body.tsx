import 'server-only';
import type { ReactElement } from 'react';
import { SearchBody } from '@/components/site/search-body';
import { getSearchPage, type SearchContext } from '@/db/queries/search-page';
import { readSections, readSiteSettings } from '@/db/queries/site';

// The search page's body for one address, for the server in front of Next
// (gateway/search-pages.mjs), which renders it into the rest of a search page Next rendered.
// Runs outside any page Next renders, so the sections and the time zone are read from the
// database (its cached readers refuse to run here) and kept like the page around them: until
// something public changes (forgetSearchContext) or a minute passes.
const CONTEXT_MAX_AGE_MS = 60_000;
let context: { value: Promise<SearchContext>; readAt: number } | null = null;

function searchContext(): Promise<SearchContext> {
  if (!context || Date.now() - context.readAt > CONTEXT_MAX_AGE_MS) {
    const value = Promise.all([readSections(), readSiteSettings()]).then(([sections, settings]) => ({ sections, timeZone: settings.timeZone }));
    context = { value, readAt: Date.now() };
    value.catch(() => {
      if (context?.value === value) context = null;
    });
  }
  return context.value;
}

/** Something public changed: the next body reads the sections and settings again. */
export function forgetSearchContext(): void {
  context = null;
}

/**
 * The body as a React element, for the address's query string ("?q=…"); a repeated name counts
 * once, by its first value, as on the page Next renders (lib/site/search-params.ts).
 */
export async function searchBodyElement(search: string): Promise<ReactElement> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (!(name in params)) params[name] = value;
  return <SearchBody view={await getSearchPage(params, await searchContext())} />;
}
