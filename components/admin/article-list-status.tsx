import type { ArticleStatus } from '@/lib/domain';

const LOOK: Record<ArticleStatus | 'deleted', { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'border-rule bg-panel text-ink' },
  in_review: { label: 'In review', className: 'border-amber-600/40 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100' },
  approved: { label: 'Approved', className: 'border-violet-700/40 bg-violet-50 text-violet-900 dark:bg-violet-950 dark:text-violet-100' },
  scheduled: { label: 'Scheduled', className: 'border-sky-700/40 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100' },
  published: { label: 'Published', className: 'border-emerald-700/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' },
  unpublished: { label: 'Unpublished', className: 'border-rule bg-paper text-muted' },
  deleted: { label: 'Deleted', className: 'border-accent/40 bg-accent/5 text-accent' },
};

// An article's workflow status as a small labelled badge (text, not colour alone).
export function ArticleStatusBadge({ status, deleted = false }: { status: ArticleStatus; deleted?: boolean }) {
  const look = LOOK[deleted ? 'deleted' : status];
  return (
    <span data-testid="status-badge" className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${look.className}`}>
      {look.label}
    </span>
  );
}

// A live or scheduled story whose edits wait for Update (the editor's pending changes).
export function PendingChangesBadge({ savedAt }: { savedAt: string }) {
  return (
    <span
      data-testid="pending-badge"
      className="inline-block rounded border border-dashed border-amber-700/50 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-900 dark:text-amber-100"
    >
      Pending changes<span className="sr-only">, saved {savedAt}</span>
    </span>
  );
}
