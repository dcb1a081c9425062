import { IslandScript } from '@/components/site/island-script';

// "Show More" under a News Feed list: a link to the next page, which the show-more island
// (islands/show-more.ts) turns into "append the next page's items here".
export function ShowMore({ href, listId, className }: { href: string; listId: string; className?: string }) {
  return (
    <>
      <a
        href={href}
        data-show-more=""
        data-island="show-more"
        data-list={listId}
        className={className ?? 'mt-3 block border border-ink py-2 text-center text-sm font-bold hover:bg-ink hover:text-paper'}
      >
        Show More
      </a>
      <p role="status" data-show-more-status="" className="sr-only" />
      <IslandScript name="show-more" />
    </>
  );
}
