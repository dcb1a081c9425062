import { z } from '@/lib/validation/zod';

// An article's text fields, listed once. Each one is a column of `articles` (db/schema.ts, plus
// a migration), a field of the save's schema (lib/validation/article.ts), of every revision
// (lib/articles/snapshot.ts), of the editor's draft (lib/articles/draft.ts) and of what the editor
// loads (db/queries/editor.ts), with its label in revision and conflict diffs — all derived from
// this list. Adding a text field is one line here, a column and a migration, then showing it
// where readers see it.
//
// `optional` text is stored as null when empty (the editor shows an empty box either way).

interface TextFieldSpec {
  // How the newsroom names it (diffs, revision history).
  label: string;
  // The field in a sentence: "The kicker must be at most 40 characters."
  noun: string;
  max: number;
  // The message when it is left empty; without it, empty is allowed.
  required?: string;
  optional?: true;
  // Compared as one value in diffs (an address), not word by word like prose.
  value?: true;
}

export const TEXT_FIELDS = {
  kicker: { label: 'Kicker', noun: 'The kicker', max: 40 },
  title: { label: 'Title', noun: 'The title', max: 200, required: 'Give the article a title.' },
  dek: { label: 'Dek', noun: 'The dek', max: 400 },
  heroCaption: { label: 'Hero caption', noun: 'The caption', max: 500 },
  heroCredit: { label: 'Hero credit', noun: 'The credit', max: 200 },
  videoUrl: { label: 'Video', noun: 'The video URL', max: 500, optional: true, value: true },
  seoTitle: { label: 'SEO title', noun: 'The SEO title', max: 120, optional: true },
  seoDescription: { label: 'SEO description', noun: 'The SEO description', max: 300, optional: true },
} as const satisfies Record<string, TextFieldSpec>;

export type TextField = keyof typeof TEXT_FIELDS;
type OptionalTextField = { [K in TextField]: (typeof TEXT_FIELDS)[K] extends { optional: true } ? K : never }[TextField];

/** The text fields as stored: optional ones may be null. */
export type ArticleTexts = { [K in TextField]: K extends OptionalTextField ? string | null : string };

/** The text fields as a form holds them: always a string. */
export type DraftTexts = Record<TextField, string>;

export const TEXT_FIELD_NAMES = Object.keys(TEXT_FIELDS) as TextField[];

function isOptional(field: TextField): boolean {
  return 'optional' in TEXT_FIELDS[field];
}

function schemaOf(field: TextField): z.ZodType<string | null> {
  const spec: TextFieldSpec = TEXT_FIELDS[field];
  const text = z.string().trim().max(spec.max, `${spec.noun} must be at most ${spec.max} characters.`);
  if (spec.optional) return text.nullish().transform((v) => (v ? v : null));
  if (spec.required) return text.min(1, spec.required);
  return text.default('');
}

/** Each text field's part of the save's schema. */
export const textFieldSchemas = Object.fromEntries(TEXT_FIELD_NAMES.map((field) => [field, schemaOf(field)])) as {
  [K in TextField]: z.ZodType<ArticleTexts[K], unknown>;
};

/** The text fields of anything that carries them (a row, a revision, a loaded article). */
export function pickTexts(source: ArticleTexts): ArticleTexts {
  return Object.fromEntries(TEXT_FIELD_NAMES.map((field) => [field, source[field] ?? (isOptional(field) ? null : '')])) as ArticleTexts;
}

/** Stored → form: null becomes an empty box. */
export function draftTexts(source: Partial<ArticleTexts>): DraftTexts {
  return Object.fromEntries(TEXT_FIELD_NAMES.map((field) => [field, source[field] ?? ''])) as DraftTexts;
}

/** Form → what the save sends: optional fields left empty become null. */
export function inputTexts(draft: DraftTexts): ArticleTexts {
  return Object.fromEntries(
    TEXT_FIELD_NAMES.map((field) => [field, isOptional(field) ? (draft[field] ?? '').trim() || null : (draft[field] ?? '')]),
  ) as ArticleTexts;
}

/** The text fields a diff compares word by word. */
export const PROSE_TEXT_FIELDS: readonly TextField[] = TEXT_FIELD_NAMES.filter((field) => !('value' in TEXT_FIELDS[field]));

export const TEXT_FIELD_LABELS = Object.fromEntries(TEXT_FIELD_NAMES.map((field) => [field, TEXT_FIELDS[field].label])) as Record<
  TextField,
  string
>;
