import { leavePresence, touchPresence } from '@/db/mutations/presence';
import { authorizeArticle } from '@/lib/editor/article-access';
import { NO_STORE } from '@/lib/editor/api-responses';

// The editor's heartbeat: "I have this article open" → who else has. Only someone who may open
// the article in the editor appears there or learns who else has it open. Not request-logged: it
// fires every few seconds per open editor and says nothing an operator needs.
export async function POST(request: Request, context: RouteContext<'/api/admin/articles/[id]/presence'>) {
  const access = await authorizeArticle(request, (await context.params).id, { open: true });
  if (!access.ok) return access.response;
  const { others } = await touchPresence(access.articleId, access.user.id);
  return Response.json({ others }, { headers: NO_STORE });
}

// Sent with navigator.sendBeacon when the editor closes.
export async function DELETE(request: Request, context: RouteContext<'/api/admin/articles/[id]/presence'>) {
  const access = await authorizeArticle(request, (await context.params).id, { open: true });
  if (!access.ok) return access.response;
  await leavePresence(access.articleId, access.user.id);
  return new Response(null, { status: 204, headers: NO_STORE });
}
