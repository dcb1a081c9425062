import { z } from 'zod';
import { ARTICLE_KINDS } from '@/lib/domain';
import { parseVideoUrl, sanitizeBody } from '@/lib/body/sanitize';
import { isValidSlug } from '@/lib/slug';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);

const optionalText = (max: number, label: string) =>
  text(max, label)
    .nullish()
    .transform((v) => (v ? v : null));

const id = z.coerce.number().int().positive();

// What an editor submits for an article. The form shows these messages next to
// the fields; the server action is the real check.
export const articleInputSchema = z.object({
  title: text(200, 'The title').min(1, 'Give the article a title.'),
  dek: text(400, 'The dek').default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'The slug cannot be empty.')
    .max(120, 'The slug must be at most 120 characters.')
    .refine(isValidSlug, 'Use lowercase letters, digits and single hyphens only.'),
  sectionId: id,
  kind: z.enum(ARTICLE_KINDS, 'Choose a kind.'),
  // Whatever the editor sends, only the allowlisted document survives.
  body: z.unknown().transform((value) => sanitizeBody(value)),
  tagIds: z
    .array(id)
    .max(20, 'At most 20 tags.')
    .refine((ids) => new Set(ids).size === ids.length, 'A tag is listed twice.')
    .default([]),
  bylineIds: z
    .array(id)
    .min(1, 'Add at least one byline.')
    .max(10, 'At most 10 bylines.')
    .refine((ids) => new Set(ids).size === ids.length, 'A byline is listed twice.'),
  heroMediaId: id.nullish().transform((v) => v ?? null),
  heroCaption: text(500, 'The caption').default(''),
  heroCredit: text(200, 'The credit').default(''),
  videoUrl: optionalText(500, 'The video URL').refine(
    (url) => url === null || parseVideoUrl(url) !== null,
    'Use a YouTube or Vimeo address.',
  ),
  seoTitle: optionalText(120, 'The SEO title'),
  seoDescription: optionalText(300, 'The SEO description'),
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
