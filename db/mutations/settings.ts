import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { settings } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Tx } from './common';

// Site settings (site_name, time_zone, x_account) and the breaking-news banner (breaking). Every public
// page reads them through db/queries/site.ts getSiteSettings, tagged 'settings' (the banner also
// through db/queries/home.ts getActiveBreaking); feeds and sitemaps print the site's name and
// dates, so they are named as well.

export interface BreakingValue {
  text: string;
  url: string | null;
  // ISO 8601 instant (UTC), or null for a banner that stays until cleared.
  expiresAt: string | null;
}

function readSetting(tx: Tx, key: string): unknown {
  return tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

function writeSetting(tx: Tx, key: string, value: unknown): void {
  // Drizzle would store a JS null as SQL NULL; the column holds JSON text, so null is 'null'.
  const json = value === null ? sql`'null'` : value;
  tx.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

/** Sets the banner, or clears it with null. */
export async function setBreaking(banner: BreakingValue | null, actor: Actor, db: DB = getDb()): Promise<Done> {
  return db.transaction((tx): Done => {
    const before = readSetting(tx, 'breaking');
    writeSetting(tx, 'breaking', banner);
    appendAudit(tx, {
      action: 'breaking.updated',
      ...auditedBy(actor),
      targetType: 'settings',
      targetId: 'breaking',
      details: { before, after: banner },
    });
    return { ok: true, invalidates: [cacheTags.settings] };
  });
}

export async function updateSiteSettings(
  input: { siteName: string; timeZone: string; xAccount?: string | null },
  actor: Actor,
  db: DB = getDb(),
): Promise<Done> {
  return db.transaction((tx): Done => {
    const before = {
      siteName: readSetting(tx, 'site_name'),
      timeZone: readSetting(tx, 'time_zone'),
      xAccount: readSetting(tx, 'x_account'),
    };
    writeSetting(tx, 'site_name', input.siteName);
    writeSetting(tx, 'time_zone', input.timeZone);
    // Left alone when the caller does not name it; null clears it.
    if (input.xAccount !== undefined) writeSetting(tx, 'x_account', input.xAccount);
    appendAudit(tx, {
      action: 'settings.updated',
      ...auditedBy(actor),
      targetType: 'settings',
      targetId: 'site',
      details: { before, after: input },
    });
    return { ok: true, invalidates: [cacheTags.settings, cacheTags.feeds, cacheTags.sitemaps] };
  });
}
