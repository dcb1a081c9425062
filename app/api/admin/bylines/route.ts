import { NextResponse, type NextRequest } from 'next/server';
import { searchBylines } from '@/db/queries/admin-taxonomy';
import { getCurrentUser } from '@/lib/auth-guards';
import { can } from '@/lib/permissions';

// Byline autocomplete for the article editor:
//   GET /api/admin/bylines?q=text → 200 { bylines: {id,name,slug,kind}[] } (at most 10), 401 signed out.
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !can(user, 'admin.access')) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  const bylines = await searchBylines(request.nextUrl.searchParams.get('q') ?? '', 10);
  return NextResponse.json({ bylines }, { headers: { 'Cache-Control': 'private, no-store' } });
}
