import { searchPublishedArticles } from '@/db/queries/admin-taxonomy';
import type { ArticlesFound } from '@/server/newsroom-api';
import { adminRoute } from '@/server/door';

// Published articles by title, for the home page's curation (and any newsroom picker):
//   GET /api/admin/articles/search?q=text → { articles } (newest first, at most 15; the newest
//   ones for an empty q).
export const GET = adminRoute({
  permission: 'admin.access',
  run: async ({ query }) => ({ ok: true, body: { articles: await searchPublishedArticles(query.get('q') ?? '', 15) } satisfies ArticlesFound }),
});
