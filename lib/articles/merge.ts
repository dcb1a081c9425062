import { changedDraftFields, DRAFT_FIELD_LABELS, type DraftField, type EditorDraft } from '@/lib/articles/draft';

// Two people changed one article from the same starting point: a three-way merge, field by field
// (the text fields of lib/articles/fields.ts and the structural ones of the draft). A field only
// one side changed takes that side's value without asking; a field both changed the same way is
// no question either; a field both changed differently is a question for a person, and the merge
// keeps mine there until they answer. Pure, so the editor and its tests share it.

export interface DraftMerge {
  // Mine, with every field only they changed taken from theirs.
  merged: EditorDraft;
  // Fields taken from theirs without asking.
  fromTheirs: DraftField[];
  // Fields both sides changed differently: a person chooses.
  conflicts: DraftField[];
}

const FIELDS = Object.keys(DRAFT_FIELD_LABELS) as DraftField[];

export function mergeDrafts(base: EditorDraft, mine: EditorDraft, theirs: EditorDraft): DraftMerge {
  const mineChanged = new Set(changedDraftFields(base, mine));
  const theirsChanged = new Set(changedDraftFields(base, theirs));
  const differ = new Set(changedDraftFields(mine, theirs));
  let merged: EditorDraft = { ...mine };
  const fromTheirs: DraftField[] = [];
  const conflicts: DraftField[] = [];
  for (const field of FIELDS) {
    if (!theirsChanged.has(field) || !differ.has(field)) continue;
    if (mineChanged.has(field)) conflicts.push(field);
    else {
      merged = takeField(merged, theirs, field);
      fromTheirs.push(field);
    }
  }
  return { merged, fromTheirs, conflicts };
}

/** `draft` with `field` as `from` has it. */
export function takeField(draft: EditorDraft, from: EditorDraft, field: DraftField): EditorDraft {
  // A slug someone chose stops following the title, as if typed here.
  return field === 'slug' ? { ...draft, slug: from.slug, slugTouched: true } : { ...draft, [field]: from[field] };
}

/** `draft` with each of `fields` as `from` has it. */
export function takeFields(draft: EditorDraft, from: EditorDraft, fields: readonly DraftField[]): EditorDraft {
  return fields.reduce((d, field) => takeField(d, from, field), draft);
}
