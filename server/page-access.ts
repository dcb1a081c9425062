import 'server-only';
import { getToken } from 'next-auth/jwt';
import { getTokenUser, type GazetteToken } from '@/auth';
import { SESSION_COOKIE_NAMES } from '@/auth.config';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { can, decideAdminPage } from '@/lib/newsroom/permissions';
import { getAuthSecret } from '@/platform/auth-secret';

// Whether the person asking may open a newsroom page, decided before Next starts the response:
// under Cache Components a page's own requirePermission (server/session.ts) runs after the
// response has begun with 200, so it can show the 403 page but not send the status. proxy.ts
// asks this and names 403 for gateway/decided-status.mjs to send; the page still checks, and shows
// app/admin/forbidden.tsx.
//
// 'forbidden' only when a live session's role may not open a page that exists; everything else
// (no session, an ended one, an unknown address or article) is left to the page, which sends
// the person to sign in or answers 404 as before.
export async function decidePageAccess(request: Request & { cookies: { has(name: string): boolean } }): Promise<'forbidden' | 'page'> {
  const page = decideAdminPage(new URL(request.url).pathname);
  if (!page) return 'page';
  const secureCookie = request.cookies.has(SESSION_COOKIE_NAMES[1]);
  const token = (await getToken({ req: request, secret: getAuthSecret(), secureCookie })) as GazetteToken | null;
  const user = token ? await getTokenUser(token) : null;
  if (!user) return 'page';
  let owner: { ownerId: number | null } | undefined;
  if (page.articleId !== null) {
    const article = await getArticleOwnership(page.articleId);
    if (!article || article.deleted) return 'page';
    owner = { ownerId: article.createdBy };
  }
  return can(user, page.action, owner) ? 'page' : 'forbidden';
}
