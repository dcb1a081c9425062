'use client';

import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui';
import { toZonedInputValue } from '@/lib/time/dates';
import type { ArticleStatus } from '@/lib/domain';
import { STATUS_LABELS } from '@/lib/articles/workflow';

export interface WorkflowMove {
  to: ArticleStatus;
  scheduledAt?: string;
  review?: { assigneeId: number | null; deadline: string | null; notes: string };
  // Why, for the audit log; the server requires one to unpublish.
  reason?: string;
}


// The article's place in the workflow and the moves this user may make from here. The server
// checks every move again (role table and workflow rules); this only offers what makes sense.
export function WorkflowPanel({
  status,
  scheduledAt,
  publishedAt,
  canPublish,
  canApprove,
  reopened,
  disabled,
  busy,
  timeZone,
  staff,
  review,
  onMove,
  error,
}: {
  status: ArticleStatus;
  scheduledAt: string | null;
  publishedAt: string | null;
  canPublish: boolean;
  canApprove: boolean;
  // This editor's save just sent an approved article back to review.
  reopened: boolean;
  disabled: boolean;
  busy: boolean;
  timeZone: string;
  staff: { id: number; name: string; role: string }[];
  review: { assigneeId: number | null; deadline: string | null; notes: string };
  onMove: (move: WorkflowMove) => void;
  error: string | null;
}) {
  const [panel, setPanel] = useState<'none' | 'review' | 'schedule'>('none');
  const [when, setWhen] = useState(() =>
    toZonedInputValue(scheduledAt ? new Date(scheduledAt) : new Date(Date.now() + 60 * 60 * 1000), timeZone),
  );
  const [assigneeId, setAssigneeId] = useState<string>(review.assigneeId ? String(review.assigneeId) : '');
  const [deadline, setDeadline] = useState(review.deadline ? toZonedInputValue(new Date(review.deadline), timeZone) : '');
  const [notes, setNotes] = useState(review.notes);
  const off = disabled || busy;
  const btn = 'rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-50';
  const primary = `${btn} bg-ink text-paper hover:bg-ink/85`;
  const secondary = `${btn} border border-rule bg-paper hover:border-ink`;
  const editors = staff.filter((s) => s.role === 'editor' || s.role === 'admin');
  const fmt = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

  return (
    <section aria-labelledby="workflow-title" className="space-y-3 rounded-lg border border-rule bg-paper p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="workflow-title" className="text-sm font-bold tracking-widest text-muted uppercase">
          Status
        </h2>
        <span data-testid="article-status" className="rounded-full bg-panel px-2.5 py-0.5 text-sm font-semibold">
          {STATUS_LABELS[status]}
        </span>
      </div>
      {status === 'scheduled' && scheduledAt ? (
        <p className="text-sm" data-testid="scheduled-for">
          Goes live {fmt(scheduledAt)} <span className="text-muted">({timeZone})</span>
        </p>
      ) : null}
      {publishedAt ? <p className="text-sm text-muted">First published {fmt(publishedAt)}</p> : null}
      {status === 'approved' ? (
        <p className="rounded bg-panel p-2 text-sm" data-testid="approved-note">
          Approved in review. Changing its text, images or settings sends it back to review.
        </p>
      ) : null}
      {reopened && status === 'in_review' ? (
        <p role="status" className="rounded border border-amber-600/40 bg-amber-50 p-2 text-sm text-amber-950" data-testid="reopened-note">
          Your edit sent this approved article back to review: it needs approving again.
        </p>
      ) : null}
      {status === 'in_review' && review.notes ? (
        <p className="rounded bg-panel p-2 text-sm">
          <span className="font-semibold">Review notes:</span> {review.notes}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {(status === 'draft' || status === 'unpublished') && (
          <button type="button" className={secondary} disabled={off} onClick={() => setPanel(panel === 'review' ? 'none' : 'review')}>
            Submit for review…
          </button>
        )}
        {status === 'in_review' && canApprove && (
          <button type="button" className={primary} disabled={off} onClick={() => onMove({ to: 'approved' })}>
            Approve
          </button>
        )}
        {(status === 'in_review' || status === 'approved') && (
          <button type="button" className={secondary} disabled={off} onClick={() => onMove({ to: 'draft' })}>
            Back to draft
          </button>
        )}
        {status === 'approved' && (
          <button type="button" className={secondary} disabled={off} onClick={() => onMove({ to: 'in_review' })}>
            Back to review
          </button>
        )}
        {canPublish && status !== 'published' && (
          <>
            <button type="button" className={primary} disabled={off} onClick={() => onMove({ to: 'published' })}>
              Publish now
            </button>
            <button type="button" className={secondary} disabled={off} onClick={() => setPanel(panel === 'schedule' ? 'none' : 'schedule')}>
              {status === 'scheduled' ? 'Reschedule…' : 'Schedule…'}
            </button>
          </>
        )}
        {canPublish && status === 'scheduled' && (
          <button type="button" className={secondary} disabled={off} onClick={() => onMove({ to: 'draft' })}>
            Unschedule
          </button>
        )}
        {canPublish && status === 'published' && (
          <ConfirmDialog
            opener="Unpublish"
            openerClassName={`${btn} border border-accent text-accent hover:bg-accent hover:text-accent-ink`}
            openerDisabled={off}
            title="Unpublish this article?"
            confirmLabel="Unpublish"
            reason={{ label: 'Reason', required: true, hint: 'For the audit log; readers never see it.' }}
            onConfirm={(reason) => onMove({ to: 'unpublished', reason })}
          >
            <p>It leaves the site, the lists and the feeds at once. Readers who open its address get a short notice that it was withdrawn.</p>
          </ConfirmDialog>
        )}
      </div>

      {panel === 'schedule' ? (
        <form
          className="space-y-2 rounded-md bg-panel p-3"
          onSubmit={(e) => {
            e.preventDefault();
            onMove({ to: 'scheduled', scheduledAt: when });
            setPanel('none');
          }}
        >
          <label htmlFor="schedule-at" className="block text-sm font-semibold">
            Publish at <span className="font-normal text-muted">(newsroom time, {timeZone})</span>
          </label>
          <input id="schedule-at" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm" />
          <button type="submit" className={primary} disabled={off}>
            Schedule
          </button>
        </form>
      ) : null}

      {panel === 'review' ? (
        <form
          className="space-y-2 rounded-md bg-panel p-3"
          onSubmit={(e) => {
            e.preventDefault();
            onMove({ to: 'in_review', review: { assigneeId: assigneeId ? Number(assigneeId) : null, deadline: deadline || null, notes } });
            setPanel('none');
          }}
        >
          <label htmlFor="review-assignee" className="block text-sm font-semibold">
            Assign to
          </label>
          <select id="review-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm">
            <option value="">Any editor</option>
            {editors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor="review-deadline" className="block text-sm font-semibold">
            Deadline <span className="font-normal text-muted">(optional, {timeZone})</span>
          </label>
          <input id="review-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm" />
          <label htmlFor="review-notes" className="block text-sm font-semibold">
            Notes for the editor <span className="font-normal text-muted">(never shown to readers)</span>
          </label>
          <textarea id="review-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm" />
          <button type="submit" className={primary} disabled={off}>
            Submit for review
          </button>
        </form>
      ) : null}

      {error ? (
        <p role="alert" data-testid="workflow-error" className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 text-sm font-medium text-accent">
          {error}
        </p>
      ) : null}
    </section>
  );
}
