import { ReaderNotice } from './reader-notice';

// What a reader sees at the address of an article the newsroom took down (unpublished or moved
// to the trash). The headline is not repeated: a story is usually withdrawn for a reason (legal,
// an error, a source's safety) that would make repeating it wrong. One page for every withdrawn
// article, so it is rendered once and reads nothing about the story.
export function WithdrawnNotice() {
  return (
    <ReaderNotice eyebrow="No longer available" title="This article has been withdrawn" searchId="withdrawn-search">
      The newsroom has unpublished the article that was at this address, and it is no longer
      available. Try the front page or a search.
    </ReaderNotice>
  );
}
