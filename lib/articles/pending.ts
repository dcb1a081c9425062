import type { ArticleStatus } from '@/lib/domain';

// Where an edit goes. A published or scheduled article is what readers see (or will see at a set
// time without anyone looking again), so edits to it wait as pending changes
// (db/mutations/working-copies.ts) until someone presses "Update"; anything else is saved to the
// article itself, as every autosave of a draft is.
export function decideEditsArePending(status: ArticleStatus): boolean {
  return status === 'published' || status === 'scheduled';
}
