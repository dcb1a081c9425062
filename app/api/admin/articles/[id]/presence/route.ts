import { touchPresence } from '@/db/mutations/presence';
import type { PresenceAnswer } from '@/server/newsroom-api';
import { openArticle } from '@/lib/newsroom/permissions';
import { ARTICLE_MISSING, articleParams, findArticle } from '@/server/articles';
import { adminRoute } from '@/server/door';

// The editor's heartbeat: "I have this article open" → who else has. Only someone who may open
// the article in the editor appears there or learns who else has it open. Not request-logged: it
// fires every few seconds per open editor and says nothing an operator needs.
// Leaving is ./leave/route.ts (a beacon can only POST).
const presence = { permission: openArticle, params: articleParams, resource: ({ id }: { id: number }) => findArticle(id), missing: ARTICLE_MISSING };

export const POST = adminRoute({
  ...presence,
  run: async ({ params }, { user }) => ({ ok: true, body: { others: (await touchPresence(params.id, user.id)).others } satisfies PresenceAnswer }),
});
