// How a News Feed list looks in a rail and on its own front. Both the server's list
// (components/article/news-feed-list.tsx) and the Show More island (islands/show-more.ts), which
// takes items from the front's page and appends them to whichever list it serves, dress each part
// from here, so appended items look exactly like the ones the page came with.
export type NewsFeedVariant = 'rail' | 'page';

export type NewsFeedPart = 'group' | 'heading' | 'items' | 'item' | 'time' | 'link';

export const NEWS_FEED_STYLES: Record<NewsFeedVariant, Record<NewsFeedPart, string> & { showDek: boolean }> = {
  rail: {
    group: 'mt-3',
    heading: 'text-xs font-bold tracking-wide text-muted uppercase',
    items: 'mt-1 border-l-2 border-accent',
    item: 'relative py-2 pl-4',
    time: 'block text-xs font-semibold text-accent',
    link: 'text-[0.95rem] leading-snug font-medium hover:underline',
    showDek: false,
  },
  page: {
    group: 'mt-8',
    heading: 'border-b border-rule pb-2 text-sm font-extrabold tracking-wider uppercase',
    items: 'mt-2 border-l-2 border-accent',
    item: 'relative py-3 pl-5',
    time: 'block text-xs font-semibold text-accent',
    link: 'font-serif text-lg leading-snug font-semibold hover:underline',
    showDek: true,
  },
};

export function isNewsFeedVariant(value: string | undefined): value is NewsFeedVariant {
  return value === 'rail' || value === 'page';
}
