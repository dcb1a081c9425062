import { diffArrays } from 'diff';
import { changedDraftFields, DRAFT_FIELD_LABELS, draftToInput, type DraftField, type EditorDraft } from '@/lib/articles/draft';

// Two people changed one article from the same starting point: a three-way merge, field by field
// (the text fields of lib/articles/fields.ts and the structural ones of the draft). A field only
// one side changed takes that side's value without asking; a field both changed the same way is
// no question either; a field both changed differently is a question for a person, and the merge
// keeps mine there until they answer — though for the body, two changes to different paragraphs
// can be combined at their word (combineBodies). Pure, so the editor and its tests share it.

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

// ---- The body, paragraph by paragraph

interface Hunk {
  // Replaces the base's blocks [start, end) with `blocks`.
  start: number;
  end: number;
  blocks: unknown[];
}

function blocksOf(body: unknown): unknown[] {
  const content = body && typeof body === 'object' ? (body as { content?: unknown }).content : null;
  return Array.isArray(content) ? content : [];
}

// Blocks compared as they are saved (an image's display-only address is no change).
function keysOf(draft: EditorDraft): string[] {
  return blocksOf(draftToInput(draft).body).map((block) => JSON.stringify(block));
}

function hunksOf(base: string[], other: string[], otherBlocks: unknown[]): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const chunk of diffArrays(base, other)) {
    const n = chunk.value.length;
    if (!chunk.added && !chunk.removed) {
      i += n;
      j += n;
      open = null;
      continue;
    }
    if (!open) {
      open = { start: i, end: i, blocks: [] };
      out.push(open);
    }
    if (chunk.removed) {
      open.end += n;
      i += n;
    } else {
      open.blocks.push(...otherBlocks.slice(j, j + n));
      j += n;
    }
  }
  return out;
}

/**
 * Both changed the body: the two combined when they changed different paragraphs (blocks) of the
 * base — with at least one unchanged block between their changes — or null when they touched the
 * same place, which a person must decide.
 */
export function combineBodies(base: EditorDraft, mine: EditorDraft, theirs: EditorDraft): unknown | null {
  const baseKeys = keysOf(base);
  const mineHunks = hunksOf(baseKeys, keysOf(mine), blocksOf(mine.body));
  const theirHunks = hunksOf(baseKeys, keysOf(theirs), blocksOf(theirs.body));
  for (const a of mineHunks) {
    for (const b of theirHunks) if (a.start <= b.end && b.start <= a.end) return null;
  }
  const baseBlocks = blocksOf(base.body);
  const content: unknown[] = [];
  let at = 0;
  for (const hunk of [...mineHunks, ...theirHunks].sort((x, y) => x.start - y.start)) {
    content.push(...baseBlocks.slice(at, hunk.start), ...hunk.blocks);
    at = hunk.end;
  }
  content.push(...baseBlocks.slice(at));
  return { ...(mine.body as object), content };
}
