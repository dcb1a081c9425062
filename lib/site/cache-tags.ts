// Every cache tag name lives here. Queries tag what they read; mutations
// invalidate what they change (see db/mutations/*), so a publish refreshes
// exactly the pages that show the article.
export const cacheTags = {
  settings: 'settings',
  sections: 'sections',
  // Any list of published articles (home, fronts, rails, feeds, sitemaps).
  articleLists: 'article-lists',
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  byline: (id: number) => `byline:${id}`,
  curation: 'curation',
  popular: 'popular',
  // Permanent redirects (old slug or section → new address).
  redirects: 'redirects',
  // Sitemaps and feeds (also tagged with articleLists, so a publish refreshes them).
  sitemaps: 'sitemaps',
  feeds: 'feeds',
  // The public /corrections page (every article's correction, clarification and update notes).
  corrections: 'corrections',
} as const;
