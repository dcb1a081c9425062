import { leavePresence } from '@/db/mutations/presence';
import { openArticle } from '@/lib/newsroom/permissions';
import { ARTICLE_MISSING, articleParams, findArticle } from '@/server/articles';
import { adminRoute } from '@/server/door';

// "I closed the editor": sent with navigator.sendBeacon as the page goes away (a beacon can only
// POST, and carries the session cookie and the page's Origin, so the door checks it like any
// call), so the others' "Also open by" clears at their next heartbeat instead of at expiry.
export const POST = adminRoute({
  permission: openArticle,
  params: articleParams,
  resource: ({ id }) => findArticle(id),
  missing: ARTICLE_MISSING,
  run: async ({ params }, { user }) => {
    await leavePresence(params.id, user.id);
    return { ok: true, body: {} };
  },
});
