import { diffArrays, diffWords } from 'diff';
import { PROSE_TEXT_FIELDS } from '@/lib/articles/fields';
import { SNAPSHOT_FIELD_LABELS, type ArticleSnapshot } from '@/lib/articles/snapshot';
import { formatDateTime } from '@/lib/time/dates';
import { statusLabel } from './workflow';

// What changed between two revisions of an article, field by field, as data the revisions page
// renders (<ins>/<del>). Revisions are full snapshots (lib/articles/snapshot.ts); a snapshot may
// carry keys this module does not know yet (a newer field, an older revision missing one): those
// are compared as JSON under their own key, so no change is ever hidden.

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type LineDiff =
  | { type: 'same' | 'added' | 'removed'; text: string }
  // A line edited in place: its words, with insertions and deletions marked.
  | { type: 'changed'; parts: DiffPart[] }
  // A run of unchanged lines left out around the changes (see collapseUnchanged).
  | { type: 'skipped'; count: number };

export interface ListItemDiff {
  name: string;
  change: 'kept' | 'added' | 'removed' | 'moved';
}

export type FieldDiff = { field: string; label: string } & (
  | { kind: 'words'; parts: DiffPart[] }
  | { kind: 'lines'; lines: LineDiff[] }
  | { kind: 'list'; items: ListItemDiff[]; before: string[]; after: string[] }
  | { kind: 'value'; before: string; after: string }
);

/** Names for the ids a snapshot stores (a missing id is shown as deleted). */
export interface RevisionLookups {
  sections: Record<number, string>;
  tags: Record<number, string>;
  bylines: Record<number, string>;
  media: Record<number, string>;
  // Newsroom users, for the review assignee.
  users?: Record<number, string>;
  // Headlines of the chosen related stories.
  articles?: Record<number, string>;
}

export const EMPTY_LOOKUPS: RevisionLookups = { sections: {}, tags: {}, bylines: {}, media: {}, users: {}, articles: {} };

type AnySnapshot = Partial<ArticleSnapshot> & Record<string, unknown>;

// Fields newer snapshots may carry (public notes, review fields), named even where
// SNAPSHOT_FIELD_LABELS does not know them yet.
const EXTRA_LABELS: Record<string, string> = {
  corrections: 'Corrections',
  updatedAt: 'Updated',
  assigneeId: 'Assigned to',
  reviewDeadline: 'Review deadline',
  internalNotes: 'Internal notes',
};

const PROSE_FIELDS = new Set<string>([...PROSE_TEXT_FIELDS, 'internalNotes']);
const VALUE_FIELDS = new Set(['slug', 'kind', 'status', 'videoUrl']);
const DATE_FIELDS = new Set(['publishedAt', 'scheduledAt', 'updatedAt', 'reviewDeadline']);

export function fieldLabel(field: string): string {
  return (SNAPSHOT_FIELD_LABELS as Record<string, string>)[field] ?? EXTRA_LABELS[field] ?? field;
}

/**
 * The fields that differ from `before` to `after`, in the editor's order (the known fields, then
 * any others alphabetically), each as a structured diff.
 */
export function diffSnapshots(
  before: unknown,
  after: unknown,
  lookups: RevisionLookups = EMPTY_LOOKUPS,
  options: { timeZone?: string } = {},
): FieldDiff[] {
  const a = asSnapshot(before);
  const b = asSnapshot(after);
  const known = Object.keys(SNAPSHOT_FIELD_LABELS);
  const extra = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.includes(k)).sort();
  const diffs: FieldDiff[] = [];
  for (const field of [...known, ...extra]) {
    if (stableJson(a[field]) === stableJson(b[field])) continue;
    const diff = diffField(field, a[field], b[field], lookups, options.timeZone ?? 'UTC');
    if (diff && hasChange(diff)) diffs.push(diff);
  }
  return diffs;
}

function asSnapshot(value: unknown): AnySnapshot {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as AnySnapshot) : {};
}

function diffField(
  field: string,
  before: unknown,
  after: unknown,
  lookups: RevisionLookups,
  timeZone: string,
): FieldDiff | null {
  const label = fieldLabel(field);
  if (PROSE_FIELDS.has(field)) return { field, label, kind: 'words', parts: diffText(asText(before), asText(after)) };
  if (VALUE_FIELDS.has(field)) {
    const show = (v: unknown) => (field === 'status' ? statusLabel(asText(v)) : asText(v)) || '(none)';
    return { field, label, kind: 'value', before: show(before), after: show(after) };
  }
  if (DATE_FIELDS.has(field)) {
    return { field, label, kind: 'value', before: showDate(before, timeZone), after: showDate(after, timeZone) };
  }
  switch (field) {
    case 'sectionId':
      return { field, label, kind: 'value', before: nameOf(lookups.sections, before), after: nameOf(lookups.sections, after) };
    case 'heroMediaId':
    case 'socialMediaId':
      return { field, label, kind: 'value', before: nameOf(lookups.media, before), after: nameOf(lookups.media, after) };
    case 'assigneeId':
      return { field, label, kind: 'value', before: nameOf(lookups.users ?? {}, before), after: nameOf(lookups.users ?? {}, after) };
    case 'tagIds':
      return { field, label, ...diffIdList(before, after, lookups.tags) };
    case 'bylineIds':
      return { field, label, ...diffIdList(before, after, lookups.bylines) };
    case 'relatedIds':
      return { field, label, ...diffIdList(before ?? [], after ?? [], lookups.articles ?? {}) };
    case 'body':
      return { field, label, kind: 'lines', lines: diffLineLists(bodyToDiffText(before, lookups), bodyToDiffText(after, lookups)) };
    case 'corrections':
      return { field, label, kind: 'lines', lines: diffLineLists(notesToLines(before, timeZone), notesToLines(after, timeZone)) };
    default:
      return { field, label, kind: 'lines', lines: diffLineLists(jsonLines(before), jsonLines(after)) };
  }
}

function hasChange(diff: FieldDiff): boolean {
  switch (diff.kind) {
    case 'words':
      return diff.parts.some((p) => p.added || p.removed);
    case 'lines':
      return diff.lines.some((l) => l.type !== 'same');
    case 'list':
      return diff.items.some((i) => i.change !== 'kept');
    case 'value':
      return diff.before !== diff.after;
  }
}

function asText(value: unknown): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : String(value);
}

function showDate(value: unknown, timeZone: string): string {
  if (typeof value !== 'string' || value === '') return '(none)';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDateTime(date, timeZone);
}

function nameOf(names: Record<number, string>, id: unknown): string {
  if (id == null || id === '') return '(none)';
  const name = names[Number(id)];
  return name ?? `#${String(id)} (deleted)`;
}

// Keys sorted, so two snapshots that differ only in key order compare equal.
function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** Word-level diff of two strings: unchanged, removed and added runs in reading order. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before }] : [];
  return diffWords(before, after).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true } : {}),
    ...(c.removed ? { removed: true } : {}),
  }));
}

/**
 * Line-level diff of two lists of lines (paragraphs, list items…). A removed line directly
 * followed by an added one is shown as one edited line with its words marked, so changing a
 * word in a long paragraph does not show the paragraph twice.
 */
export function diffLineLists(before: string[], after: string[]): LineDiff[] {
  const out: LineDiff[] = [];
  const chunks = diffArrays(before, after);
  for (let i = 0; i < chunks.length; i += 1) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      const removed = chunk.value;
      const added = next.value;
      const paired = Math.min(removed.length, added.length);
      for (let j = 0; j < paired; j += 1) out.push({ type: 'changed', parts: diffText(removed[j]!, added[j]!) });
      for (const text of removed.slice(paired)) out.push({ type: 'removed', text });
      for (const text of added.slice(paired)) out.push({ type: 'added', text });
      i += 1;
      continue;
    }
    const type = chunk.added ? 'added' : chunk.removed ? 'removed' : 'same';
    for (const text of chunk.value) out.push({ type, text });
  }
  return out;
}

/** Keeps `context` unchanged lines around each change and folds the rest into "skipped" runs. */
export function collapseUnchanged(lines: LineDiff[], context = 1): LineDiff[] {
  const keep = lines.map((l) => l.type !== 'same');
  lines.forEach((line, i) => {
    if (line.type === 'same') return;
    for (let d = 1; d <= context; d += 1) {
      if (i - d >= 0) keep[i - d] = true;
      if (i + d < lines.length) keep[i + d] = true;
    }
  });
  const out: LineDiff[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) out.push({ type: 'skipped', count: skipped });
      skipped = 0;
      out.push(line);
    } else {
      skipped += 1;
    }
  });
  if (skipped) out.push({ type: 'skipped', count: skipped });
  return out;
}

/**
 * An ordered list of ids (tags, bylines) compared by name: every item of the new list in its new
 * order — kept, added, or moved (kept but reordered) — with the items no longer there as removed.
 */
export function diffIdList(
  before: unknown,
  after: unknown,
  names: Record<number, string>,
): { kind: 'list'; items: ListItemDiff[]; before: string[]; after: string[] } {
  const a = asIds(before);
  const b = asIds(after);
  const inA = new Set(a);
  const inB = new Set(b);
  const name = (id: number) => names[id] ?? `#${id} (deleted)`;
  const items: ListItemDiff[] = [];
  for (const chunk of diffArrays(a, b)) {
    for (const id of chunk.value) {
      if (chunk.added) items.push({ name: name(id), change: inA.has(id) ? 'moved' : 'added' });
      else if (chunk.removed) {
        if (!inB.has(id)) items.push({ name: name(id), change: 'removed' });
      } else items.push({ name: name(id), change: 'kept' });
    }
  }
  return { kind: 'list', items, before: a.map(name), after: b.map(name) };
}

function asIds(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number).filter((n) => Number.isInteger(n)) : [];
}

function jsonLines(value: unknown): string[] {
  if (value === undefined) return [];
  return JSON.stringify(value, null, 2).split('\n');
}

const NOTE_KIND_LABELS: Record<string, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
};

// Public notes (corrections, clarifications, updates), one line each.
function notesToLines(value: unknown, timeZone: string): string[] {
  if (!Array.isArray(value)) return value == null ? [] : jsonLines(value);
  return value.map((note) => {
    if (!note || typeof note !== 'object') return JSON.stringify(note);
    const { at, kind, text } = note as { at?: unknown; kind?: unknown; text?: unknown };
    const label = NOTE_KIND_LABELS[asText(kind)] ?? 'Correction';
    const when = typeof at === 'string' && at ? ` (${showDate(at, timeZone)})` : '';
    return `${label}${when}: ${asText(text)}`;
  });
}

// ---- The body as readable lines -------------------------------------------------------------

type Json = Record<string, unknown>;

function isNode(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function children(node: Json): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attrs(node: Json): Json {
  return isNode(node.attrs) ? node.attrs : {};
}

function inlineText(nodes: unknown[]): string {
  return nodes
    .map((n) => {
      if (!isNode(n)) return '';
      if (n.type === 'text') return asText(n.text);
      if (n.type === 'hardBreak') return ' / ';
      return inlineText(children(n));
    })
    .join('')
    .trim();
}

/**
 * The body (ProseMirror JSON) as one readable line per block, so every kind of change shows:
 * headings ("## …"), paragraphs, list items ("• …", "1. …", nested indented), quotes ("> …"),
 * pull quotes, images (alt, caption, credit), videos (provider, id, title), rules. A node type
 * this module does not know is shown by its text, or by its type when it has none.
 */
export function bodyToDiffText(doc: unknown, lookups: Pick<RevisionLookups, 'media'> = EMPTY_LOOKUPS): string[] {
  if (!isNode(doc)) return [];
  const lines: string[] = [];
  for (const block of children(doc)) blockLines(block, '', lines, lookups);
  return lines;
}

function blockLines(node: unknown, indent: string, out: string[], lookups: Pick<RevisionLookups, 'media'>): void {
  if (!isNode(node)) return;
  const a = attrs(node);
  switch (node.type) {
    case 'paragraph': {
      const text = inlineText(children(node));
      if (text) out.push(`${indent}${text}`);
      return;
    }
    case 'heading': {
      const level = Number(a.level) === 3 ? 3 : 2;
      out.push(`${indent}${'#'.repeat(level)} ${inlineText(children(node))}`);
      return;
    }
    case 'blockquote':
      for (const child of children(node)) blockLines(child, `${indent}> `, out, lookups);
      return;
    case 'pullQuote': {
      const by = asText(a.attribution).trim();
      out.push(`${indent}Pull quote: “${inlineText(children(node))}”${by ? ` — ${by}` : ''}`);
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const start = Number.isInteger(Number(a.start)) && a.start != null ? Number(a.start) : 1;
      children(node).forEach((item, index) => {
        if (!isNode(item)) return;
        const marker = node.type === 'orderedList' ? `${start + index}. ` : '• ';
        const itemLines: string[] = [];
        for (const child of children(item)) blockLines(child, '', itemLines, lookups);
        itemLines.forEach((line, i) => out.push(`${indent}${i === 0 ? marker : '  '}${line}`));
      });
      return;
    }
    case 'listItem':
      for (const child of children(node)) blockLines(child, indent, out, lookups);
      return;
    case 'horizontalRule':
      out.push(`${indent}———`);
      return;
    case 'image': {
      const mediaId = Number(a.mediaId);
      const alt = asText(a.alt).trim() || lookups.media[mediaId] || `image #${asText(a.mediaId)}`;
      const caption = asText(a.caption).trim();
      const credit = asText(a.credit).trim();
      out.push(`${indent}[Image: ${alt}${caption ? ` — ${caption}` : ''}${credit ? ` (${credit})` : ''}]`);
      return;
    }
    case 'video': {
      const provider = a.provider === 'vimeo' ? 'Vimeo' : a.provider === 'youtube' ? 'YouTube' : asText(a.provider);
      const title = asText(a.title).trim();
      out.push(`${indent}[Video: ${provider} ${asText(a.videoId)}${title ? ` — ${title}` : ''}]`);
      return;
    }
    case 'socialPost': {
      const by = asText(a.authorName).trim();
      out.push(`${indent}[Post: ${asText(a.url)}${by ? ` — ${by}` : ''}] ${asText(a.text).replace(/\s+/g, ' ').trim()}`);
      return;
    }
    case 'gallery': {
      const items = Array.isArray(a.items) ? (a.items as Record<string, unknown>[]) : [];
      out.push(`${indent}[Gallery: ${items.length} images]`);
      for (const item of items) {
        const caption = asText(item?.caption).trim();
        out.push(`${indent}  [Image #${asText(item?.mediaId)}${caption ? ` — ${caption}` : ''}]`);
      }
      return;
    }
    case 'table': {
      const caption = asText(a.caption).trim();
      out.push(`${indent}[Table${caption ? `: ${caption}` : ''}]`);
      const rows = Array.isArray(a.rows) ? (a.rows as unknown[]) : [];
      for (const row of rows) out.push(`${indent}| ${(Array.isArray(row) ? row : []).map((cell) => asText(cell)).join(' | ')} |`);
      return;
    }
    case 'document':
      out.push(`${indent}[Document: ${asText(a.title)} — ${asText(a.url) || `file #${asText(a.mediaId)}`}]`);
      return;
    case 'audio':
      out.push(`${indent}[Audio: ${asText(a.title)} — ${asText(a.src) || `file #${asText(a.mediaId)}`}]`);
      return;
    default: {
      const inner = children(node);
      if (inner.some((c) => isNode(c) && c.type !== 'text' && c.type !== 'hardBreak')) {
        for (const child of inner) blockLines(child, indent, out, lookups);
        return;
      }
      const text = inlineText(inner);
      out.push(`${indent}${text || `[${asText(node.type) || 'unknown'}]`}`);
    }
  }
}
