// The News Feed is the section of short items (articles of kind 'feed'); its front lists them
// under day headings, a page at a time, with "Show More".
export const NEWS_FEED_SLUG = 'news-feed';
export const NEWS_FEED_PAGE_SIZE = 20;
// Section, tag and byline fronts.
export const FRONT_PAGE_SIZE = 24;
