import { expireTags } from '@/server/expire-tags';
import { NextResponse, type NextRequest } from 'next/server';
import { cacheTags } from '@/lib/site/cache-tags';
import { isOwnSiteRequest } from '@/server/same-origin';
import { flushPageViews } from '@/server/page-view-service';

// Test hook: writes buffered views now and refreshes Most Popular, so an end-to-end test need
// not wait for the ten-second batch and the five-minute widget cache. It exists only when the
// server runs with GAZETTE_TEST_HOOKS=1 (scripts/e2e-server.mjs); otherwise it is a 404.
export async function POST(request: NextRequest) {
  if (process.env.GAZETTE_TEST_HOOKS !== '1') return new NextResponse(null, { status: 404 });
  if (!isOwnSiteRequest(request.headers)) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const written = await flushPageViews();
  await expireTags([cacheTags.popular]);
  return NextResponse.json({ written });
}
