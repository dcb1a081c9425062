import type { AuditEntryText, AuditText } from '@/lib/newsroom/audit-entry';

export interface AuditRow extends AuditEntryText {
  id: number;
  actionKey: string;
  at: string;
  actor: string | null;
  ip: string | null;
}

function Text({ value }: { value: AuditText }) {
  return value.map((part, i) =>
    part.href ? (
      <a key={i} href={part.href} className="font-semibold text-ink underline decoration-rule underline-offset-2 hover:decoration-ink">
        {part.text}
      </a>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}

// The audit table: a table from a tablet up, with the long columns (who, what, the address)
// wrapping instead of pushing the address out of view; on a phone each entry is a stacked card.
export function AuditEntries({ rows }: { rows: AuditRow[] }) {
  return (
    <table className="w-full text-left text-sm sm:table-fixed">
      <thead className="border-y border-rule bg-panel text-xs tracking-wide text-muted uppercase max-sm:hidden">
        <tr>
          <th scope="col" className="w-40 px-4 py-2 lg:w-48">Time</th>
          <th scope="col" className="w-44 px-4 py-2 lg:w-56">Who</th>
          <th scope="col" className="px-4 py-2">What</th>
          <th scope="col" className="w-32 px-4 py-2 lg:w-40">Client address</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-rule max-sm:block max-sm:border-t max-sm:border-rule">
        {rows.map((row) => (
          <tr key={row.id} data-testid="audit-row" data-action={row.actionKey} className="align-top max-sm:block max-sm:px-4 max-sm:py-3">
            <td className="px-4 py-2 max-sm:block max-sm:p-0 max-sm:text-xs max-sm:text-muted">{row.at}</td>
            <td className="px-4 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:p-0 max-sm:text-xs">
              {row.actor ?? <span className="text-muted">system</span>}
            </td>
            <td className="px-4 py-2 max-sm:block max-sm:p-0 max-sm:pt-1" data-testid="audit-what">
              <span className="font-semibold">{row.action}</span>
              {row.target.length > 0 ? (
                <span className="block [overflow-wrap:anywhere]" data-testid="audit-target">
                  <Text value={row.target} />
                </span>
              ) : null}
              {row.details.length > 0 ? (
                <dl className="mt-1 space-y-0.5 text-xs text-muted">
                  {row.details.map((d, i) => (
                    <div key={i} className="[overflow-wrap:anywhere]">
                      <dt className="inline font-semibold">{d.label}: </dt>
                      <dd className="inline">
                        <Text value={d.value} />
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </td>
            <td className="px-4 py-2 font-mono text-xs [overflow-wrap:anywhere] max-sm:block max-sm:p-0 max-sm:pt-1">
              <span className="font-sans font-semibold text-muted sm:hidden">From </span>
              {row.ip ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
