import { bodyToDiffText, collapseUnchanged, diffLineLists, type DiffPart } from '@/lib/articles/revision-diff';
import { draftFieldText, type DraftField, type EditorDraft } from '@/lib/articles/draft';

// A field both people changed, shown side by side — theirs on the left, mine on the right — one
// row per paragraph (or per line of a list, heading, image…), so a change deep in a long story
// shows where it is and nothing is flattened into one block. Each side keeps only its own words
// marked: what theirs has and mine lacks on the left, what mine adds on the right.

export type ConflictRow =
  | { type: 'row'; theirs: DiffPart[] | null; mine: DiffPart[] | null; changed: boolean }
  | { type: 'skipped'; count: number };

export function fieldLines(draft: EditorDraft, field: DraftField, sectionName: (id: number) => string): string[] {
  if (field === 'body') return bodyToDiffText(draft.body);
  const text = draftFieldText(draft, field, sectionName);
  return text ? [text] : [];
}

export function conflictRows(theirs: string[], mine: string[], context = 1): ConflictRow[] {
  return collapseUnchanged(diffLineLists(theirs, mine), context).map((line): ConflictRow => {
    switch (line.type) {
      case 'skipped':
        return line;
      case 'same':
        return { type: 'row', theirs: [{ value: line.text }], mine: [{ value: line.text }], changed: false };
      case 'removed':
        return { type: 'row', theirs: [{ value: line.text, removed: true }], mine: null, changed: true };
      case 'added':
        return { type: 'row', theirs: null, mine: [{ value: line.text, added: true }], changed: true };
      case 'changed':
        return {
          type: 'row',
          theirs: line.parts.filter((p) => !p.added),
          mine: line.parts.filter((p) => !p.removed),
          changed: true,
        };
    }
  });
}
