import { NextResponse, type NextRequest } from 'next/server';
import { clientAddressFrom } from '@/auth';
import { isLiveArticleId } from '@/db/queries/articles';
import { isOwnSiteRequest } from '@/server/same-origin';
import { pageViewSchema } from '@/lib/validation/page-view';
import { isKnownBot } from '@/platform/view-recorder';
import { recordPageView } from '@/server/page-view-service';

// The view beacon (components/article/view-beacon.tsx). Counts go to an in-memory buffer that
// is written in batches; nothing about the reader is stored (see platform/view-recorder.ts).
export async function POST(request: NextRequest) {
  const { headers } = request;
  if (!isOwnSiteRequest(headers)) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const userAgent = headers.get('user-agent') ?? '';
  if (isKnownBot(userAgent)) return NextResponse.json({ counted: false, reason: 'bot' }, { status: 202 });

  let body: unknown;
  try {
    // sendBeacon posts text/plain; the body is small JSON either way.
    const text = await request.text();
    if (text.length > 200) return NextResponse.json({ error: 'too large' }, { status: 413 });
    body = JSON.parse(text);
  } catch {
    return NextResponse.json({ error: 'invalid body' }, { status: 400 });
  }
  const parsed = pageViewSchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: 'invalid body' }, { status: 400 });
  const { articleId } = parsed.data;
  // Made-up ids would fill the buffer's bounded room and push real articles' views out.
  if (!(await isLiveArticleId(articleId))) {
    return NextResponse.json({ counted: false, reason: 'unknown' }, { status: 404 });
  }

  // The client address as gateway/request-guard.mjs decides it (TRUSTED_PROXY), not the first
  // X-Forwarded-For entry, which the client writes; requests without one are one unknown reader.
  const result = await recordPageView(articleId, clientAddressFrom(headers) ?? '');
  return NextResponse.json({ counted: result === 'counted', reason: result }, { status: 202 });
}
