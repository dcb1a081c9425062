import type { Metadata } from 'next';
import { SearchBody, SearchBodySlot } from '@/components/site/search-body';
import { getSearchPage } from '@/db/queries/search-page';
import { getSiteSettings, listSections } from '@/db/queries/site';

export const metadata: Metadata = {
  title: 'Search',
  robots: { index: false, follow: true },
};

// Allowed to block: the results are read before the first byte, so the response is the whole
// page. Behind a <Suspense> boundary they streamed into a hidden element after the shell, and a
// reader without JavaScript saw an empty search (decision 001: complete HTML on first response).
export const instant = false;

// Everything but the body is the same for every address: the server in front of Next keeps it
// from a page rendered here and renders only the body for the next searches
// (gateway/search-pages.mjs). Without that server (`next dev`) every search is rendered here.
export default function SearchPage(props: PageProps<'/search'>) {
  return (
    <div className="mx-auto max-w-3xl py-8">
      <h1 className="font-serif text-4xl font-bold tracking-tight">Search</h1>
      <SearchBodySlot>
        <SearchResults searchParams={props.searchParams} />
      </SearchBodySlot>
    </div>
  );
}

async function SearchResults({ searchParams }: { searchParams: PageProps<'/search'>['searchParams'] }) {
  const [params, sections, settings] = await Promise.all([searchParams, listSections(), getSiteSettings()]);
  return <SearchBody view={await getSearchPage(params, { sections, timeZone: settings.timeZone })} />;
}
