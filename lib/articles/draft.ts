import { draftTexts, inputTexts, TEXT_FIELD_LABELS, type ArticleTexts, type DraftTexts, type TextField } from '@/lib/articles/fields';
import type { ArticleKind } from '@/lib/domain';
import { bodyToPlainText, countWords } from '@/lib/body/text';
import type { BodyDoc } from '@/lib/body/types';
import { readingTimeMinutes } from '@/lib/articles/reading-time';
import { slugify } from '@/lib/site/slug';

// The editor's working copy of an article, as the browser holds it (and keeps in
// localStorage), and how it becomes the JSON the save routes check with articleInputSchema.
// Pure: shared by the client editor and its tests.

export interface MediaRef {
  id: number;
  url: string;
  alt: string;
}

// The text fields (kicker, title, dek, captions, video, SEO) are lib/articles/fields.ts's.
export interface EditorDraft extends DraftTexts {
  slug: string;
  // Once the writer edits the slug (or the article has been published) it stops following the title.
  slugTouched: boolean;
  sectionId: number;
  kind: ArticleKind;
  body: unknown;
  tags: { id: number; name: string }[];
  bylines: { id: number; name: string }[];
  // Related stories the editor chose, first in the block under the article, in this order.
  related: RelatedRef[];
  hero: MediaRef | null;
  social: MediaRef | null;
}

export interface RelatedRef {
  id: number;
  title: string;
  // False for a story unpublished since it was chosen: the save refuses it until it is removed.
  live: boolean;
}

export const EMPTY_BODY = { type: 'doc', content: [{ type: 'paragraph' }] };

export function emptyDraft(sectionId: number, bylines: { id: number; name: string }[]): EditorDraft {
  return {
    ...draftTexts({}),
    slug: '',
    slugTouched: false,
    sectionId,
    kind: 'news',
    body: EMPTY_BODY,
    tags: [],
    bylines,
    related: [],
    hero: null,
    social: null,
  };
}

/** The title changed: the slug follows it until someone edits the slug by hand. */
export function withTitle(draft: EditorDraft, title: string): EditorDraft {
  return { ...draft, title, slug: draft.slugTouched ? draft.slug : slugify(title) };
}

// Image nodes carry a display-only `src` in the editor; the stored body keeps ids only.
function stripDisplayAttrs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripDisplayAttrs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'attrs' && value && typeof value === 'object' && 'src' in value) {
      const { src: _src, ...rest } = value as Record<string, unknown>;
      out.attrs = rest;
    } else out[key] = stripDisplayAttrs(value);
  }
  return out;
}

/** What the save routes receive (checked again there by articleInputSchema). */
export function draftToInput(draft: EditorDraft) {
  return {
    ...inputTexts(draft),
    slug: draft.slug,
    sectionId: draft.sectionId,
    kind: draft.kind,
    body: stripDisplayAttrs(draft.body),
    tagIds: draft.tags.map((t) => t.id),
    bylineIds: draft.bylines.map((b) => b.id),
    // Drafts kept in a browser before related stories existed lack them.
    relatedIds: (draft.related ?? []).map((r) => r.id),
    heroMediaId: draft.hero?.id ?? null,
    socialMediaId: draft.social?.id ?? null,
  };
}

/** Whether two drafts would save the same article. */
export function sameDraft(a: EditorDraft, b: EditorDraft): boolean {
  return JSON.stringify(draftToInput(a)) === JSON.stringify(draftToInput(b));
}

export function bodyText(body: unknown): string {
  try {
    return bodyToPlainText(body as BodyDoc);
  } catch {
    return '';
  }
}

export function wordStats(body: unknown): { words: number; minutes: number } {
  const words = countWords(bodyText(body));
  return { words, minutes: readingTimeMinutes(words) };
}

// Field by field, what differs between two drafts, as text a person can compare.
export const DRAFT_FIELD_LABELS = {
  ...TEXT_FIELD_LABELS,
  slug: 'Slug',
  sectionId: 'Section',
  kind: 'Kind',
  body: 'Body',
  tags: 'Tags',
  bylines: 'Bylines',
  related: 'Related stories',
  hero: 'Hero image',
  social: 'Social image',
} as const;

export type DraftField = keyof typeof DRAFT_FIELD_LABELS;

export function draftFieldText(draft: EditorDraft, field: DraftField, sectionName: (id: number) => string): string {
  switch (field) {
    case 'body':
      return bodyText(draft.body);
    case 'sectionId':
      return sectionName(draft.sectionId);
    case 'tags':
    case 'bylines':
      return draft[field].map((x) => x.name).join(', ');
    case 'related':
      return (draft.related ?? []).map((x) => x.title).join(', ');
    case 'hero':
    case 'social':
      return draft[field] ? `${draft[field]!.alt || 'Image'} (#${draft[field]!.id})` : '';
    default:
      return String(draft[field] ?? '');
  }
}

export function changedDraftFields(a: EditorDraft, b: EditorDraft): DraftField[] {
  const ia = draftToInput(a) as Record<string, unknown>;
  const ib = draftToInput(b) as Record<string, unknown>;
  // The draft's name of a field where the save's differs (the rest are the same name).
  const inputKey: Partial<Record<DraftField, string>> = { tags: 'tagIds', bylines: 'bylineIds', related: 'relatedIds', hero: 'heroMediaId', social: 'socialMediaId' };
  return (Object.keys(DRAFT_FIELD_LABELS) as DraftField[]).filter((f) => {
    const key = inputKey[f] ?? f;
    return JSON.stringify(ia[key]) !== JSON.stringify(ib[key]);
  });
}

// ---- The browser's copy: unsaved typing survives a crash, a closed tab or a lost connection.

export interface LocalCopy {
  draft: EditorDraft;
  // The server version the typing started from (null for an article not yet created).
  baseVersion: number | null;
  // What the server held when the typing started, the base a later merge compares both sides
  // with (lib/articles/merge.ts), and the pending changes' save count then. Copies written before
  // these existed lack them.
  base?: EditorDraft;
  pendingRevision?: number | null;
  at: string;
}

export function localCopyKey(articleId: number | null): string {
  return `gazette:editor:${articleId ?? 'new'}`;
}

export function parseLocalCopy(raw: string | null): LocalCopy | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as LocalCopy;
    if (!value || typeof value !== 'object' || !value.draft || typeof value.draft.title !== 'string' || typeof value.at !== 'string') return null;
    // Copies kept before related stories existed lack them.
    value.draft.related ??= [];
    if (value.base) value.base.related ??= [];
    return value;
  } catch {
    return null;
  }
}

// The article as the editor loads it (db/queries/editor.ts): the draft's shape, with text as stored.
type LoadedArticle = Omit<EditorDraft, TextField | 'slugTouched'> &
  ArticleTexts & {
    publishedAt: string | null;
    bodyMedia: Record<number, { url: string }>;
  };

function withDisplaySrc(node: unknown, media: Record<number, { url: string }>): unknown {
  if (Array.isArray(node)) return node.map((n) => withDisplaySrc(n, media));
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = key === 'content' ? withDisplaySrc(value, media) : value;
  if (record.type === 'image' && record.attrs && typeof record.attrs === 'object') {
    const attrs = record.attrs as { mediaId?: number };
    out.attrs = { ...attrs, src: (attrs.mediaId && media[attrs.mediaId]?.url) || null };
  }
  if (record.type === 'gallery' && record.attrs && typeof record.attrs === 'object') {
    const attrs = record.attrs as { items?: unknown };
    const items = Array.isArray(attrs.items) ? attrs.items : [];
    out.attrs = {
      ...attrs,
      items: items.map((item: { mediaId?: number }) => ({ ...item, src: (item?.mediaId && media[item.mediaId]?.url) || null })),
    };
  }
  return out;
}

/** The editor's working copy of an article as the server has it. */
export function draftFromArticle(a: LoadedArticle): EditorDraft {
  return {
    ...draftTexts(a),
    slug: a.slug,
    // A published slug is an address readers and crawlers know: it never follows the title.
    slugTouched: a.publishedAt !== null || a.slug !== slugify(a.title),
    sectionId: a.sectionId,
    kind: a.kind,
    body: withDisplaySrc(a.body, a.bodyMedia),
    tags: a.tags.map((t) => ({ id: t.id, name: t.name })),
    bylines: a.bylines.map((b) => ({ id: b.id, name: b.name })),
    related: a.related.map((r) => ({ id: r.id, title: r.title, live: r.live })),
    hero: a.hero ? { id: a.hero.id, url: a.hero.url, alt: a.hero.alt } : null,
    social: a.social ? { id: a.social.id, url: a.social.url, alt: a.social.alt } : null,
  };
}
