import type { DB } from '@/db/client';

// How every write in db/mutations/ is shaped (one file per entity). Each exported mutation:
//
//  - is `async`. better-sqlite3 is synchronous, so the work is done before the promise settles
//    (the page-view flush relies on that from an 'exit' listener); a networked driver would
//    change the bodies, never the callers.
//  - takes the database as its last parameter, `db: DB = getDb()`, as db/queries/* do. The app
//    never passes it; tests and scripts that open their own file (scripts/user.ts,
//    db/first-run.ts) do.
//  - runs in one `db.transaction`, and appends its audit row inside it with appendAudit
//    (./audit.ts), so the entry commits or rolls back with the change it records. Not audited:
//    an article save, whose record is its revision; editor heartbeats (./presence.ts); view
//    counts (./page-views.ts); the scheduler's lease and its run report (./scheduler-lease.ts). The one batch is the scheduler's run (./scheduled.ts): each due
//    article is published in its own transaction, so one that fails never holds back the rest.
//  - resolves to a `Done` or a `Refused`. Done carries `invalidates`: the cache tags
//    (lib/site/cache-tags.ts) the caller must expire, empty when no reader page changed, so a caller
//    can always expire `result.invalidates` without knowing which writes reach readers.
//    Refused carries `reason`, a code the caller turns into words. Expected refusals (not found,
//    conflict, in use) are returned; anything unexpected throws and rolls the transaction back.
//
// Steps that run inside a caller's transaction (appendAudit, openSession, applyArticleUpdate…)
// take `tx: Tx` first and stay synchronous (a better-sqlite3 transaction cannot await). They are
// not mutations: the mutation around them audits and names the tags.
//
// `Actor` is who a write is recorded against: the audit log's actor_id, actor_email and ip. It
// need not be a user (the scheduler and `npm run user` act with id null). lib/newsroom/permissions.ts's
// `ActingUser` is another thing: a signed-in user and their role, which decides, before any
// mutation is called, whether the write may happen at all.

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export interface Actor {
  id: number | null;
  email: string | null;
  ip: string | null;
}

export type Done<T extends object = object> = { ok: true; invalidates: string[] } & T;

export type Refused<Reason extends string, T extends object = object> = { ok: false; reason: Reason } & T;
