import { IslandScript } from '@/components/site/island-script';

// Marks the page for the view-beacon island (islands/view-beacon.ts), which counts one view for
// Most Popular when the article is actually in front of a reader.
export function ViewBeacon({ articleId }: { articleId: number }) {
  return (
    <>
      <span hidden data-island="view-beacon" data-article-id={articleId} />
      <IslandScript name="view-beacon" />
    </>
  );
}
