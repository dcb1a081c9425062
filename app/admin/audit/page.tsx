import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui';
import { AuditEntries } from '@/components/admin/audit-entries';
import { listAuditArticles, listAuditEntries, listAuditFilterChoices } from '@/db/queries/audit';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { AUDIT_ACTION_LABELS, describeAuditEntry, listAuditArticleIds } from '@/lib/newsroom/audit-entry';
import { auditPageHref, decideAuditQuery } from '@/lib/newsroom/audit-filters';
import { formatDateTime } from '@/lib/time/dates';

export const metadata: Metadata = { title: 'Audit log' };

const selectClass = 'block w-full rounded-md border border-rule bg-paper px-2 py-1.5 text-sm';

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requirePermission('audit.read');
  const [{ timeZone }, params] = await Promise.all([getSiteSettings(), searchParams]);
  const query = decideAuditQuery(params, timeZone);
  const [{ entries, total, page, pageCount }, choices] = await Promise.all([
    listAuditEntries(query),
    listAuditFilterChoices(),
  ]);
  const articles = await listAuditArticles(listAuditArticleIds(entries));
  const rows = entries.map((e) => ({
    id: e.id,
    actionKey: e.action,
    at: formatDateTime(e.at, timeZone),
    actor: e.actorEmail,
    ip: e.ip,
    ...describeAuditEntry(e, articles, timeZone),
  }));
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" intro="Every sign-in and every change made in the newsroom, newest first. Entries are never edited or removed." />

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
              <option key={a} value={a}>{AUDIT_ACTION_LABELS[a] ?? a}</option>
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

      <section aria-labelledby="entries-title" className="rounded-lg border border-rule bg-paper">
        <h2 id="entries-title" className="sr-only">Entries</h2>
        <p className="px-4 py-3 text-left text-xs text-muted">
          {total} {total === 1 ? 'entry' : 'entries'} · times in {timeZone}
        </p>
        <AuditEntries rows={rows} />
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
