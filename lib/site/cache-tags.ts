// Every cache tag name lives here. Queries tag what they read; mutations invalidate what they
// change (lib/articles/change-tags.ts, db/mutations/*). The tags are also the edge cache's keys
// (gateway/edge-keys.mjs), so they decide what a change purges there: a publish must reach the
// pages that show the article and leave every other page cached.
//
// Two kinds of tag, kept apart on purpose:
//   - what a page SHOWS: 'article:N' on the article's page and on every list that shows its card
//     (home, fronts, rails, feeds, search), 'tag:N' and 'byline:N' where the name is shown;
//   - which articles a list CONTAINS: 'latest', 'news-feed', 'section:N', 'tag-list:N',
//     'byline-list:N' — expired only when an article joins or leaves the list (or moves in it).
// An article page shows its tags' names but is not a list of them: publishing another story with
// the same tag reaches it only through its "Related stories" block, which is a list and says
// which lists it read ('tag-list:N' of the story's tags, 'section:N' only when its fill reached
// it; never 'latest': db/queries/related.ts).
export const cacheTags = {
  settings: 'settings',
  // Section names and addresses: the navigation on every page, every card's section line.
  sections: 'sections',
  // Lists of every published article, newest first (the home page's latest, the site feed, search).
  latest: 'latest',
  // The News Feed items (kind 'feed'): the rail beside every article and the News Feed front.
  newsFeed: 'news-feed',
  // Every list of cards, whatever it contains: expired by the rare change that alters every card
  // of a kind (a byline renamed or merged), never by an article change.
  articleLists: 'article-lists',
  article: (id: number) => `article:${id}`,
  // The articles of one section (its front, its feed, its counts).
  section: (id: number) => `section:${id}`,
  // A tag's name and address (its page, the article pages listing it) …
  tag: (id: number) => `tag:${id}`,
  // … and the articles carrying it (its page's list, its feed, its count).
  tagList: (id: number) => `tag-list:${id}`,
  byline: (id: number) => `byline:${id}`,
  bylineList: (id: number) => `byline-list:${id}`,
  // Look-ups that found nothing (an article, tag or byline address), so a story published or
  // moved to an address that answered 404 replaces the cached "not found".
  notFound: 'not-found',
  curation: 'curation',
  popular: 'popular',
  // Permanent redirects (old slug or section → new address).
  redirects: 'redirects',
  // Sitemaps list every published article with its last change: any public change expires them.
  sitemaps: 'sitemaps',
  feeds: 'feeds',
  // The public /corrections page (every article's correction, clarification and update notes).
  corrections: 'corrections',
} as const;

/** Tags a list with every article it shows, so an edit to one of them reaches it. */
export function cardTags(cards: readonly { id: number }[]): string[] {
  return cards.map((card) => cacheTags.article(card.id));
}
