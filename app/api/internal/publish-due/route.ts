import { expireTags } from '@/server/expire-tags';
import { connection } from 'next/server';
import { publishDueArticles } from '@/db/mutations/scheduled';
import { isSchedulerToken } from '@/server/scheduler';

// Called only by the in-process scheduler (server/scheduler.ts).
export async function POST(request: Request) {
  await connection();
  if (!isSchedulerToken(request.headers.get('x-gazette-scheduler'))) {
    return Response.json({ error: 'Forbidden' }, { status: 403 });
  }
  const { published, failed, invalidates } = await publishDueArticles();
  // expire 0: the first reader after the publish gets the fresh pages.
  await expireTags(invalidates);
  return Response.json(
    { published, failed: failed.map((f) => ({ articleId: f.articleId, reason: f.reason })) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
