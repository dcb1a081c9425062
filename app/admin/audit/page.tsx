import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui';
import { listAuditEntries, listAuditFilterChoices } from '@/db/queries/audit';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { auditPageHref, decideAuditQuery } from '@/lib/newsroom/audit-filters';
import { formatDateTime } from '@/lib/time/dates';

export const metadata: Metadata = { title: 'Audit log' };

const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_in_throttled': 'Sign-in held (too many failures)',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_everywhere': 'Signed out everywhere',
  'user.created': 'User created',
  'user.invited': 'User invited',
  'user.role_changed': 'Role changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.reset_link_issued': 'Password reset',
  'user.password_set': 'Password set via link',
  'user.password_changed': 'Password changed',
  'user.account_updated': 'Account updated',
};

const selectClass = 'block w-full rounded-md border border-rule bg-paper px-2 py-1.5 text-sm';

function describe(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requirePermission('audit.read');
  const [{ timeZone }, params] = await Promise.all([getSiteSettings(), searchParams]);
  const query = decideAuditQuery(params, timeZone);
  const [{ entries, total, page, pageCount }, choices] = await Promise.all([
    listAuditEntries(query),
    listAuditFilterChoices(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" intro="Every sign-in and change to users, newest first. Entries are never edited or removed." />

      <form method="get" action="/admin/audit" className="grid gap-3 rounded-lg border border-rule bg-paper p-4 sm:grid-cols-5 sm:items-end">
        <div>
          <label htmlFor="actor" className="mb-1 block text-xs font-semibold">Actor</label>
          <select id="actor" name="actor" defaultValue={query.form.actor} className={selectClass}>
            <option value="">Anyone</option>
            {choices.actors.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="mb-1 block text-xs font-semibold">Action</label>
          <select id="action" name="action" defaultValue={query.form.action} className={selectClass}>
            <option value="">Any action</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>{ACTION_LABELS[a] ?? a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block text-xs font-semibold">From</label>
          <input id="from" name="from" type="date" defaultValue={query.form.from} className={selectClass} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-xs font-semibold">To</label>
          <input id="to" name="to" type="date" defaultValue={query.form.to} className={selectClass} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-ink px-4 py-1.5 text-sm font-semibold text-paper">Filter</button>
          <a href="/admin/audit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold">Clear</a>
        </div>
      </form>

      <section aria-labelledby="entries-title" className="overflow-x-auto rounded-lg border border-rule bg-paper">
        <h2 id="entries-title" className="sr-only">Entries</h2>
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-3 text-left text-xs text-muted">
            {total} {total === 1 ? 'entry' : 'entries'} · times in {timeZone}
          </caption>
          <thead className="border-y border-rule bg-panel text-xs tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">Time</th>
              <th scope="col" className="px-4 py-2">Actor</th>
              <th scope="col" className="px-4 py-2">Action</th>
              <th scope="col" className="px-4 py-2">Target</th>
              <th scope="col" className="px-4 py-2">Client address</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(e.at, timeZone)}</td>
                <td className="px-4 py-2">{e.actorEmail ?? <span className="text-muted">system</span>}</td>
                <td className="px-4 py-2 font-medium">{ACTION_LABELS[e.action] ?? e.action}</td>
                <td className="px-4 py-2 text-muted">
                  {e.targetType ? `${e.targetType} #${e.targetId}` : ''}
                  {describe(e.details) ? <span className="block text-xs">{describe(e.details)}</span> : null}
                </td>
                <td className="px-4 py-2 font-mono text-xs">{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="px-4 py-6 text-center text-muted">Nothing matches these filters.</p> : null}
      </section>

      {pageCount > 1 ? (
        <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm">
          {page > 1 ? <a href={auditPageHref(query.form, page - 1)} className="font-semibold underline">← Newer</a> : <span />}
          <span className="text-muted">Page {page} of {pageCount}</span>
          {page < pageCount ? <a href={auditPageHref(query.form, page + 1)} className="font-semibold underline">Older →</a> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
