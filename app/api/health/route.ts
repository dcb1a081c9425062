import { connection } from 'next/server';
import { checkDatabase } from '@/db/queries/health';

export async function GET() {
  // Always answered live, never from a cache.
  await connection();
  const database = await checkDatabase();
  const ok = database.ok;
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', database },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
