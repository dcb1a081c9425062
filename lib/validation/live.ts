import { z } from './zod';
import { parseVideoUrl } from '@/lib/body/sanitize';
import { parseKeyPoints } from '@/lib/live/updates';

// Live coverage: the newsroom's forms and the actions behind them (app/admin/articles/[id]/live).

export const LIVE_LIMITS = { title: 120, body: 5000, embedUrl: 500, keyPoints: 8, keyPoint: 240 } as const;

const id = z.coerce.number().int().positive();
const optionalId = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((value) => (value === '' || value === undefined ? null : value));
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const liveUpdateFieldsSchema = z.object({
  title: z.string().trim().max(LIVE_LIMITS.title, { error: `Keep the headline under ${LIVE_LIMITS.title} characters.` }),
  body: z
    .string()
    .trim()
    .min(1, { error: 'Write the update first.' })
    .max(LIVE_LIMITS.body, { error: `Keep an update under ${LIVE_LIMITS.body.toLocaleString('en-US')} characters.` }),
  mediaId: optionalId,
  embedUrl: z
    .string()
    .trim()
    .max(LIVE_LIMITS.embedUrl)
    .refine((value) => value === '' || parseVideoUrl(value) !== null, { error: 'Paste a YouTube or Vimeo address, or leave it empty.' })
    .transform((value) => (value === '' ? null : value)),
  pinned: checkbox,
});
export type LiveUpdateFields = z.infer<typeof liveUpdateFieldsSchema>;

export const postLiveUpdateSchema = liveUpdateFieldsSchema.extend({ articleId: id });
export const editLiveUpdateSchema = liveUpdateFieldsSchema.extend({ articleId: id, updateId: id, version: id });
export const deleteLiveUpdateSchema = z.object({ articleId: id, updateId: id, version: id });

export const keyPointsSchema = z
  .string()
  .max(LIVE_LIMITS.keyPoints * (LIVE_LIMITS.keyPoint + 4))
  .transform((text) => parseKeyPoints(text))
  .refine((points) => points.length <= LIVE_LIMITS.keyPoints, { error: `Keep it to ${LIVE_LIMITS.keyPoints} key points.` })
  .refine((points) => points.every((p) => p.length <= LIVE_LIMITS.keyPoint), { error: `Keep each key point under ${LIVE_LIMITS.keyPoint} characters.` });

export const saveCoverageSchema = z.object({
  articleId: id,
  // 0 when the story is not live yet (starting coverage).
  version: z.coerce.number().int().min(0),
  keyPoints: keyPointsSchema,
  // What the button pressed asks for: keep the state, start (or reopen), or end coverage.
  intent: z.enum(['save', 'start', 'end']).default('save'),
});
export type SaveCoverageInput = z.infer<typeof saveCoverageSchema>;
