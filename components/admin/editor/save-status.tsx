'use client';

import type { SyncStatus } from './article-sync';

function clock(date: Date): string {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

// The save state in words, announced politely to screen readers.
export function SaveStatus({ status, isNew }: { status: SyncStatus; isNew: boolean }) {
  let text: string;
  let tone = 'text-muted';
  switch (status.kind) {
    case 'saved':
      text = status.at ? `Saved at ${clock(status.at)}` : isNew ? 'Start with a title — the draft saves itself' : 'All changes saved';
      break;
    case 'dirty':
      text = 'Unsaved changes…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'held':
      text = 'Changes not yet public — kept in this browser until you press Update';
      tone = 'text-ink';
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
