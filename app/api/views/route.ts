import { NextResponse, type NextRequest } from 'next/server';
import { isSameOrigin } from '@/lib/same-origin';
import { pageViewSchema } from '@/lib/validation/page-view';
import { isKnownBot } from '@/lib/views/recorder';
import { getViewRecorder } from '@/lib/views/page-view-service';

// The view beacon (components/article/view-beacon.tsx). Counts go to an in-memory buffer that
// is written in batches; nothing about the reader is stored (see lib/views/recorder.ts).
export async function POST(request: NextRequest) {
  const { headers } = request;
  if (!isSameOrigin(headers.get('origin'), headers.get('host'), headers.get('x-forwarded-host'))) {
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

  const ip = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || '';
  const result = getViewRecorder().record(parsed.data.articleId, { ip, userAgent });
  return NextResponse.json({ counted: result === 'counted', reason: result }, { status: 202 });
}
