import { z } from './zod';
import { ARTICLE_KINDS, ARTICLE_NOTE_KINDS } from '@/lib/domain';
import { parseVideoUrl, sanitizeBody } from '@/lib/body/sanitize';
import { bodyProblems } from '@/lib/body/validate';
import { isValidSlug } from '@/lib/site/slug';
import { textFieldSchemas } from '@/lib/articles/fields';
import { RELATED_STORY_COUNT } from '@/lib/articles/related';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);

const id = z.coerce.number().int().positive();

// What an editor submits for an article. The form shows these messages next to
// the fields; the server action is the real check.
export const articleInputSchema = z.object({
  // kicker, title, dek, captions, video and SEO text: lib/articles/fields.ts.
  ...textFieldSchemas,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'The slug cannot be empty.')
    .max(120, 'The slug must be at most 120 characters.')
    .refine(isValidSlug, 'Use lowercase letters, digits and single hyphens only.'),
  sectionId: id,
  kind: z.enum(ARTICLE_KINDS, 'Choose a kind.'),
  // Whatever the editor sends, only the allowlisted document survives; an embed that would not
  // survive (a wrong address, a one-image gallery) refuses the save and says which one.
  body: z
    .unknown()
    .superRefine((value, ctx) => {
      const problems = bodyProblems(value);
      if (problems.length > 0) ctx.addIssue({ code: 'custom', message: problems.join(' ') });
    })
    .transform((value) => sanitizeBody(value)),
  tagIds: z
    .array(id)
    .max(20, 'At most 20 tags.')
    .refine((ids) => new Set(ids).size === ids.length, 'A tag is listed twice.')
    .default([]),
  // Stories the editor puts first in the article's "Related stories" block, in order; the save
  // checks they are published and not the article itself (db/mutations/articles.ts).
  relatedIds: z
    .array(id)
    .max(RELATED_STORY_COUNT, `At most ${RELATED_STORY_COUNT} related stories.`)
    .refine((ids) => new Set(ids).size === ids.length, 'A related story is listed twice.')
    .default([]),
  // A draft may be saved without a byline; it needs one before review or publication
  // (readinessProblems below).
  bylineIds: z
    .array(id)
    .max(10, 'At most 10 bylines.')
    .refine((ids) => new Set(ids).size === ids.length, 'A byline is listed twice.')
    .default([]),
  heroMediaId: id.nullish().transform((v) => v ?? null),
  videoUrl: textFieldSchemas.videoUrl.refine((url) => url === null || parseVideoUrl(url) !== null, 'Use a YouTube or Vimeo address.'),
  socialMediaId: id.nullish().transform((v) => v ?? null),
});

export type ArticleInput = z.output<typeof articleInputSchema>;

// Field errors keyed by field name, one message each, for the form.
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

export const ARTICLE_NOTE_MAX_CHARS = 1000;

// A public note at the article's foot: a correction, clarification or update.
export const articleNoteSchema = z.object({
  kind: z.enum(ARTICLE_NOTE_KINDS, 'Choose correction, clarification or update.'),
  text: text(ARTICLE_NOTE_MAX_CHARS, 'The note').min(1, 'Write the note readers will see.'),
});

// Internal review fields sent with "submit for review"; never shown to readers.
export const reviewRequestSchema = z.object({
  assigneeId: id.nullish().transform((v) => v ?? null),
  deadline: z.string().trim().max(40).nullish().transform((v) => v || null),
  notes: text(2000, 'The notes').default(''),
});

// What an article must have before it goes to review, is scheduled or is published.
// Drafts may be saved incomplete: never lose a word because a field is missing.
export function readinessProblems(article: { title: string; bylineIds: number[]; wordCount: number }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!article.title.trim()) problems.title = 'Give the article a title.';
  if (article.bylineIds.length === 0) problems.bylineIds = 'Add at least one byline.';
  if (article.wordCount === 0) problems.body = 'Write the story before it goes out.';
  return problems;
}
