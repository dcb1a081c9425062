import { z } from './zod';

// A media item's description, rights and focal point. Shared by the edit form's action and
// the picker's alt-text route.

export const ALT_MAX = 300;

export const altSchema = z
  .string()
  .trim()
  .max(ALT_MAX, { error: `Keep alt text under ${ALT_MAX} characters.` });

export const requiredAltSchema = altSchema.pipe(
  z.string().min(1, { error: 'Describe the image for readers who cannot see it.' }),
);

// An <input type="date"> value: '' clears the expiry; a date means the rights end at the
// start of that day (UTC), after which the library flags the image.
const expirySchema = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
    error: 'Enter a date such as 2027-06-30, or leave it empty.',
  })
  .transform((v) => (v === '' ? null : new Date(`${v}T00:00:00Z`)));

const focalSchema = z.coerce
  .number({ error: 'Choose a point on the image.' })
  .min(0, { error: 'Choose a point on the image.' })
  .max(1, { error: 'Choose a point on the image.' });

export const mediaDetailsSchema = z.object({
  alt: altSchema,
  caption: z.string().trim().max(1000, { error: 'Keep the caption under 1,000 characters.' }),
  credit: z.string().trim().max(200, { error: 'Keep the credit under 200 characters.' }),
  sourceAgency: z.string().trim().max(120, { error: 'Keep the agency under 120 characters.' }),
  usageRights: z.string().trim().max(500, { error: 'Keep the usage rights under 500 characters.' }),
  rightsExpireAt: expirySchema,
  focalX: focalSchema,
  focalY: focalSchema,
});

/** The form's value for a stored expiry ("2027-06-30"), or ''. */
export function expiryInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '';
}
