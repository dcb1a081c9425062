import type { EditorDraft } from '@/lib/articles/draft';

// What the editor's field groups share: the input look, the one way a field's error shows, and
// the props each group gets to read and change the draft (article-sync.ts keeps it).

export const inputClass =
  'block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm text-ink focus:border-ink focus:outline-none focus-visible:outline-2 focus-visible:outline-accent';

export type DraftChange = (change: (draft: EditorDraft) => EditorDraft) => void;

export interface DraftFieldsProps {
  draft: EditorDraft;
  // Field name → the first thing wrong with it, from the last refused save.
  errors: Record<string, string>;
  update: DraftChange;
  disabled: boolean;
}

export function setField<K extends keyof EditorDraft>(update: DraftChange, key: K, value: EditorDraft[K]) {
  update((d) => ({ ...d, [key]: value }));
}

export function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="text-sm font-medium text-accent">{message}</p> : null;
}
