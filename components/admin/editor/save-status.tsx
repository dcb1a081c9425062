'use client';

import type { SyncStatus } from './article-sync';

function clock(date: Date): string {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

// The save state in words, announced politely to screen readers.
// In pending mode (a live or scheduled article) a save reaches the pending changes, not readers.
export function SaveStatus({ status, isNew, pendingMode }: { status: SyncStatus; isNew: boolean; pendingMode: boolean }) {
  let text: string;
  let tone = 'text-muted';
  switch (status.kind) {
    case 'saved':
      if (pendingMode) text = status.at ? `Pending changes saved at ${clock(status.at)} — not public until Update` : 'Changes wait as pending until Update';
      else text = status.at ? `Saved at ${clock(status.at)}` : isNew ? 'Start with a title — the draft saves itself' : 'All changes saved';
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
