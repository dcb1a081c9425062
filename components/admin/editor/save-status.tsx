'use client';

import { formatTime } from '@/lib/time/dates';
import type { SyncStatus } from './article-sync';

// The save state in words, announced politely to screen readers.
// The time is on the newsroom's 24-hour clock, as everywhere else in the newsroom, not the browser's.
// In pending mode (a live or scheduled article) a save reaches the pending changes, not readers.
export function SaveStatus({
  status,
  isNew,
  pendingMode,
  timeZone,
}: {
  status: SyncStatus;
  isNew: boolean;
  pendingMode: boolean;
  timeZone: string;
}) {
  let text: string;
  let tone = 'text-muted';
  switch (status.kind) {
    case 'saved':
      if (pendingMode) {
        text = status.at ? `Pending changes saved at ${formatTime(status.at, timeZone)} — not public until Update` : 'Changes wait as pending until Update';
      } else {
        text = status.at ? `Saved at ${formatTime(status.at, timeZone)}` : isNew ? 'Start with a title — the draft saves itself' : 'All changes saved';
      }
      break;
    case 'dirty':
      text = 'Unsaved changes…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'offline':
      text = 'Offline — your changes are kept in this browser and will be saved when the connection returns';
      tone = 'text-accent';
      break;
    case 'signed-out':
      text = 'Your session ended — sign in again in another tab, then press Save. Your text is kept in this browser.';
      tone = 'text-accent';
      break;
    case 'error':
      text = `Not saved: ${status.message}`;
      tone = 'text-accent';
      break;
    case 'conflict':
      text = 'Not saved: someone else saved this article meanwhile';
      tone = 'text-accent';
      break;
  }
  return (
    <p role="status" aria-live="polite" data-testid="save-status" data-state={status.kind} className={`text-sm font-medium ${tone}`}>
      {text}
    </p>
  );
}
