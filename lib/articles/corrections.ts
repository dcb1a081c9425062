import type { ArticleNote, ArticleNoteKind } from '../domain';

// Public notes at an article's foot and on /corrections. A note written before notes had a
// kind reads as a correction.

export const NOTE_KIND_LABELS: Record<ArticleNoteKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
};

export function noteKind(note: Pick<ArticleNote, 'kind'>): ArticleNoteKind {
  return note.kind && note.kind in NOTE_KIND_LABELS ? note.kind : 'correction';
}

export function noteKindLabel(note: Pick<ArticleNote, 'kind'>): string {
  return NOTE_KIND_LABELS[noteKind(note)];
}

export interface CorrectionEntry {
  articleId: number;
  title: string;
  url: string;
  at: string;
  kind: ArticleNoteKind;
  text: string;
}

// Every note of the given articles as one list, newest first (ties: the later article first).
// Notes with an unreadable time are left out rather than placed at random.
/** Notes a page of /corrections lists. */
export const CORRECTIONS_PAGE_SIZE = 30;

export function flattenNotes(
  articles: { id: number; title: string; url: string; notes: ArticleNote[] }[],
): CorrectionEntry[] {
  const entries: CorrectionEntry[] = [];
  for (const a of articles) {
    for (const note of Array.isArray(a.notes) ? a.notes : []) {
      if (!note || typeof note.text !== 'string' || Number.isNaN(Date.parse(note.at))) continue;
      entries.push({ articleId: a.id, title: a.title, url: a.url, at: new Date(note.at).toISOString(), kind: noteKind(note), text: note.text });
    }
  }
  return entries.sort((x, y) => (x.at === y.at ? y.articleId - x.articleId : x.at < y.at ? 1 : -1));
}
