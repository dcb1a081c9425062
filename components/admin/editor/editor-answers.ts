import { ARTICLE_NOTE_KINDS, type ArticleNote, type ArticleNoteKind, type ArticleStatus } from '@/lib/domain';
import type { ApiAnswer, ArticleMoved, ArticleSaved, ConflictDetail, FormState } from '@/server/newsroom-api';

// What the editor makes of the server's answers to a workflow move, a note for readers and a
// delete: which message to show, or what to take on. Pure, so every branch is tested without a
// browser (editor-answers.test.ts); the hooks and components around them only apply the result.

export type Decided<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Where the article stands in the workflow, as the editor shows it. */
export interface WorkflowState {
  status: ArticleStatus;
  scheduledAt: string | null;
  publishedAt: string | null;
}

export const SAVE_BEFORE_MOVE = 'Save the article first: fix what is marked, then try again.';

/**
 * A move acts on the version the server holds, so it waits for the save just made: it may go on
 * after a failed save only when nothing was left unsaved (and the article exists).
 */
export function decideMoveMayGo({ saved, dirty, articleId }: { saved: boolean; dirty: boolean; articleId: number | null }): string | null {
  return !saved && (dirty || articleId === null) ? SAVE_BEFORE_MOVE : null;
}

export function decideMoveAnswer(answer: ApiAnswer<ArticleMoved, ConflictDetail>): Decided<{ version: number; workflow: WorkflowState }> {
  if (!answer.ok) {
    return {
      ok: false,
      message:
        answer.reason === 'conflict'
          ? 'Someone saved this article meanwhile. Reload to see their version before changing its status.'
          : answer.reason === 'offline'
            ? 'You are offline: nothing changed. Try again when the connection returns.'
            : answer.error,
    };
  }
  return { ok: true, version: answer.version, workflow: { status: answer.status, scheduledAt: answer.scheduledAt, publishedAt: answer.publishedAt } };
}

/** The note form's fields as the notes route takes them (it checks them again). */
export function readNoteForm(data: FormData): { kind: FormDataEntryValue | null; text: FormDataEntryValue | null; reason: FormDataEntryValue | null } {
  return { kind: data.get('kind'), text: data.get('text'), reason: data.get('reason') };
}

const isNoteKind = (value: unknown): value is ArticleNoteKind => ARTICLE_NOTE_KINDS.some((kind) => kind === value);

/** A note the server took joins the list as sent, stamped `at`; a refused one says why. */
export function decideNoteAnswer(
  answer: ApiAnswer<ArticleSaved, ConflictDetail>,
  sent: { kind: FormDataEntryValue | null; text: FormDataEntryValue | null },
  at: Date,
): Decided<{ version: number; note: ArticleNote }> {
  if (!answer.ok) return { ok: false, message: answer.error };
  return { ok: true, version: answer.version, note: { at: at.toISOString(), kind: isNoteKind(sent.kind) ? sent.kind : undefined, text: String(sent.text) } };
}

/**
 * What deleteArticleAction receives once the editor's dialog is confirmed (delete-article.tsx):
 * the article, the version the decision was made on, and the confirmation the server asks for.
 */
export function deleteForm(articleId: number, version: number | null): FormData {
  const data = new FormData();
  data.set('id', String(articleId));
  data.set('version', String(version));
  data.set('confirm', 'yes');
  return data;
}

export const DELETE_OFFLINE = 'You are offline: nothing was deleted.';

/** Null when the article is gone; otherwise what to tell the editor. */
export function decideDeleteResult(result: FormState): string | null {
  return result.ok ? null : (result.error ?? 'The article could not be deleted.');
}
