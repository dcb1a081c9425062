import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export interface DatabaseHealth {
  ok: boolean;
  migrations: number;
  error?: string;
}

// Readiness of the database: reachable, and the migrations table is there.
export async function checkDatabase(): Promise<DatabaseHealth> {
  try {
    const row = await getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    return { ok: (row?.n ?? 0) > 0, migrations: row?.n ?? 0 };
  } catch (error) {
    return { ok: false, migrations: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
