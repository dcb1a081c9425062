import { SearchForm } from './search-form';

// What a reader sees at the address of an article the newsroom took down (unpublished or moved
// to the trash). The headline is not repeated: a story is usually withdrawn for a reason (legal,
// an error, a source's safety) that would make repeating it wrong. One page for every withdrawn
// article, so it is rendered once and reads nothing about the story.
export function WithdrawnNotice() {
  return (
    <div className="mx-auto max-w-3xl py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">No longer available</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">This article has been withdrawn</h1>
      <p className="mt-4 text-lg text-muted">
        The newsroom has unpublished the article that was at this address, and it is no longer
        available. Try the front page or a search.
      </p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Go to the front page
        </a>
      </p>
      <div className="mt-8">
        <SearchForm id="withdrawn-search" />
      </div>
    </div>
  );
}
