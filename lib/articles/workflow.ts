import type { ArticleStatus } from '@/lib/domain';

// The shape of the editorial workflow: which status may follow which. Who may
// make a move is lib/newsroom/permissions.ts's decision, not this module's.
//   draft → in_review → approved → scheduled | published → unpublished
// Approval is a reviewer's recorded sign-off, not a gate: whoever may publish still may publish
// a draft (breaking news), and editing an approved article's content sends it back to review
// (db/mutations/articles.ts). Decision 014.
const NEXT: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'approved', 'scheduled', 'published'],
  approved: ['draft', 'in_review', 'scheduled', 'published'],
  scheduled: ['draft', 'in_review', 'published', 'unpublished'],
  published: ['unpublished'],
  unpublished: ['draft', 'in_review', 'scheduled', 'published'],
};

export function decideTransition(
  from: ArticleStatus,
  to: ArticleStatus,
  options: { scheduledAt?: Date | null; now: Date },
): { ok: true } | { ok: false; reason: string } {
  if (from === to && to !== 'scheduled') return { ok: false, reason: `The article is already ${label(to)}.` };
  if (from !== to && !NEXT[from].includes(to)) {
    return { ok: false, reason: `A ${label(from)} article cannot become ${label(to)}.` };
  }
  if (to === 'scheduled') {
    if (!options.scheduledAt) return { ok: false, reason: 'Choose a date and time to publish.' };
    if (options.scheduledAt.getTime() <= options.now.getTime()) {
      return { ok: false, reason: 'The scheduled time must be in the future.' };
    }
  }
  return { ok: true };
}

// Each status as the newsroom names it (badges, the status panel, revision diffs, the audit log).
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The label of a stored status, or the value itself when it is not one (an old audit entry). */
export function statusLabel(value: unknown): string {
  const text = String(value);
  return Object.hasOwn(STATUS_LABELS, text) ? STATUS_LABELS[text as ArticleStatus] : text;
}

export function label(status: ArticleStatus): string {
  return status === 'in_review' ? 'in review' : status;
}
