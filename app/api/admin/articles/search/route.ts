import { NextResponse, type NextRequest } from 'next/server';
import { searchPublishedArticles } from '@/db/queries/admin-taxonomy';
import { getCurrentUser } from '@/lib/auth-guards';
import { can } from '@/lib/permissions';

// Published articles by title, for the home page's curation (and any newsroom picker):
//   GET /api/admin/articles/search?q=text → 200 { articles: {id,title,section,publishedAt}[] }
// (newest first, at most 15; the newest ones for an empty q), 401 signed out.
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !can(user, 'admin.access')) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  const articles = await searchPublishedArticles(request.nextUrl.searchParams.get('q') ?? '', 15);
  return NextResponse.json({ articles }, { headers: { 'Cache-Control': 'private, no-store' } });
}
