import { searchBylines } from '@/db/queries/admin-taxonomy';
import type { BylinesFound } from '@/server/newsroom-api';
import { adminRoute } from '@/server/door';

// Byline autocomplete for the article editor: GET /api/admin/bylines?q=text → { bylines } (at most 10).
export const GET = adminRoute({
  permission: 'admin.access',
  run: async ({ query }) => ({ ok: true, body: { bylines: await searchBylines(query.get('q') ?? '', 10) } satisfies BylinesFound }),
});
