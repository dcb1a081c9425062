import { z } from './zod';
import { isValidTimeZone } from '@/lib/time/dates';
import { BYLINE_KINDS } from '@/lib/domain';
import { isReservedSlug, isValidSlug, slugify } from '@/lib/site/slug';

// Sections, tags, bylines, curation and settings: shared by the newsroom's forms and actions.

const id = z.coerce.number().int().positive();
export const taxonomyIdSchema = id;

const name = z.string().trim().min(1, { error: 'Enter a name.' }).max(120, { error: 'Keep the name under 120 characters.' });
const description = z.string().trim().max(1000, { error: 'Keep the description under 1,000 characters.' });

// An empty slug is made from the name; an explicit one must already be a slug.
function slugFrom(nameField: string, field = 'slug') {
  return (value: { slug: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
    const slug = value.slug || slugify(String(value[nameField] ?? ''));
    if (!slug) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'Give it a slug of Latin letters and digits.' });
    } else if (!isValidSlug(slug)) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'Use lowercase letters, digits and single hyphens only.' });
    }
  };
}

const slugText = z.string().trim().toLowerCase().max(120, { error: 'Keep the slug under 120 characters.' });

export const sectionInputSchema = z
  .object({ name, slug: slugText, description })
  .superRefine(slugFrom('name'))
  .superRefine((value, ctx) => {
    const slug = value.slug || slugify(value.name);
    if (slug && isReservedSlug(slug)) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: `“${slug}” is reserved by the site; choose another slug.` });
    }
  })
  .transform((value) => ({ ...value, slug: value.slug || slugify(value.name) }));
export type SectionInput = z.infer<typeof sectionInputSchema>;

export const tagInputSchema = z
  .object({ name, slug: slugText.default(''), description: description.default('') })
  .superRefine(slugFrom('name'))
  .transform((value) => ({ ...value, slug: value.slug || slugify(value.name) }));
export type TagInput = z.infer<typeof tagInputSchema>;

// The tag to merge into is typed by name or slug (a newsroom may have thousands of tags).
export const tagMergeSchema = z.object({
  fromId: id,
  into: z.string().trim().min(1, { error: 'Enter the name or slug of the tag to merge into.' }).max(120),
});

const optionalId = z.union([z.literal('').transform(() => null), id]).nullable().default(null);

export const bylineInputSchema = z
  .object({
    name,
    slug: slugText,
    kind: z.enum(BYLINE_KINDS, { error: 'Choose person or desk.' }),
    jobTitle: z.string().trim().max(120, { error: 'Keep the job title under 120 characters.' }),
    bio: z.string().trim().max(2000, { error: 'Keep the bio under 2,000 characters.' }),
    avatarMediaId: optionalId,
    userId: optionalId,
  })
  .superRefine(slugFrom('name'))
  .transform((value) => ({ ...value, slug: value.slug || slugify(value.name) }));
export type BylineInput = z.infer<typeof bylineInputSchema>;

export const CURATION_SLOTS = ['lead', 'top', 'picks'] as const;
export type CurationSlot = (typeof CURATION_SLOTS)[number];

// How many stories each slot holds (lib/site/home.ts TOP_STORY_SLOTS for the top stories).
export const CURATION_LIMITS: Record<CurationSlot, number> = { lead: 1, top: 4, picks: 10 };

export const curationInputSchema = z
  .object({
    slot: z.enum(CURATION_SLOTS),
    articleIds: z.array(id).max(10),
  })
  .superRefine((value, ctx) => {
    if (value.articleIds.length > CURATION_LIMITS[value.slot]) {
      ctx.addIssue({ code: 'custom', path: ['articleIds'], message: `This slot holds at most ${CURATION_LIMITS[value.slot]}.` });
    }
    if (new Set(value.articleIds).size !== value.articleIds.length) {
      ctx.addIssue({ code: 'custom', path: ['articleIds'], message: 'A story can appear only once in a slot.' });
    }
  });

// Browsers read a backslash as a slash ("/\evil.example" opens another site) and drop or
// reinterpret control characters inside a URL, so a link containing either is refused.
const UNSAFE_LINK_CHARS = /[\\\u0000-\u001F\u007F-\u009F]/;

// A banner link: a path on this site or an http(s) address.
export function isBannerLink(value: string): boolean {
  if (UNSAFE_LINK_CHARS.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !/\s/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const breakingInputSchema = z.object({
  text: z.string().trim().min(1, { error: 'Enter the banner text.' }).max(200, { error: 'Keep the banner under 200 characters.' }),
  url: z
    .string()
    .trim()
    .max(500, { error: 'Keep the link under 500 characters.' })
    .refine((v) => v === '' || isBannerLink(v), { error: 'Use a site path such as /news/story or an http(s) address.' }),
  // datetime-local text on the newsroom's clock; converted by the action with the site's zone.
  expiresAt: z.string().trim().max(40),
});

export const siteSettingsInputSchema = z.object({
  siteName: z.string().trim().min(1, { error: 'Enter the site name.' }).max(80, { error: 'Keep the site name under 80 characters.' }),
  timeZone: z
    .string()
    .trim()
    .min(1, { error: 'Choose a time zone.' })
    .max(64)
    .refine(isSupportedTimeZone, { error: 'Choose a time zone from the list (an IANA name such as Europe/Kyiv).' }),
  // The publication's X (Twitter) account, named on shared links as twitter:site; empty for none.
  xAccount: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || isXHandle(value), {
      error: 'Enter the account as @handle: an @ and up to 15 letters, digits or underscores.',
    })
    .transform((value) => (value === '' ? null : value)),
});

// "@gazette": X's own rule for user names (1–15 letters, digits or underscores), with the @.
export function isXHandle(value: string): boolean {
  return /^@[A-Za-z0-9_]{1,15}$/.test(value);
}

// The zones this runtime's Intl knows by name (fixed offsets such as "+02:00" are refused: they
// ignore daylight saving time). ICU may list an old name ("Europe/Kiev") for a renamed zone, so
// a name counts when Intl resolves it to a listed zone; the newsroom's default is always offered.
export function listSupportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const extra = ['UTC', 'Europe/Kyiv'].filter((z) => !zones.includes(z) && isValidTimeZone(z));
  return [...zones, ...extra].sort();
}

export function isSupportedTimeZone(zone: string): boolean {
  if (!isValidTimeZone(zone)) return false;
  const listed = listSupportedTimeZones();
  if (listed.includes(zone)) return true;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved === zone && listed.includes(resolved);
}
