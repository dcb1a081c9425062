import { expireTags } from '@/lib/expire-tags';
import { NextResponse, type NextRequest } from 'next/server';
import { createTag } from '@/db/mutations/taxonomy';
import { searchTags } from '@/db/queries/admin-taxonomy';
import { getClientAddress, getCurrentUser } from '@/lib/auth-guards';
import { can } from '@/lib/permissions';
import { readJsonBody, SMALL_BODY_LIMIT } from '@/lib/request-body';
import { isOwnSiteRequest } from '@/lib/same-origin';

// Tag autocomplete and create-on-the-fly for the article editor.
//   GET  /api/admin/tags?q=text  → 200 { tags: {id,name,slug}[] } (at most 10, prefix matches first)
//   POST /api/admin/tags {name}  → 201 { tag } when made, 200 { tag } when it already existed
// Any signed-in newsroom user may search (401 otherwise); creating needs 'tag.create' (403).

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !can(user, 'admin.access')) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  const q = request.nextUrl.searchParams.get('q') ?? '';
  const tags = await searchTags(q, 10);
  return NextResponse.json({ tags }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function POST(request: NextRequest) {
  const { headers } = request;
  if (!isOwnSiteRequest(headers)) {
    return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  }
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  if (!can(user, 'tag.create')) return NextResponse.json({ error: 'Your role may not create tags.' }, { status: 403 });
  const read = await readJsonBody(request, SMALL_BODY_LIMIT);
  if (!read.ok) {
    return read.reason === 'too_large'
      ? NextResponse.json({ error: 'The request is too large.' }, { status: 413 })
      : NextResponse.json({ error: 'Send JSON: { "name": "…" }.' }, { status: 400 });
  }
  const body = read.value;
  const name = typeof body === 'object' && body !== null && 'name' in body ? (body as { name: unknown }).name : undefined;
  if (typeof name !== 'string') return NextResponse.json({ error: 'Enter a tag name.' }, { status: 400 });
  const result = await createTag({ name: name.slice(0, 500) }, { id: user.id, email: user.email, ip: await getClientAddress() });
  if (!result.ok) return NextResponse.json({ error: result.message }, { status: 400 });
  expireTags(result.invalidates);
  return NextResponse.json({ tag: result.tag }, { status: result.created ? 201 : 200 });
}
