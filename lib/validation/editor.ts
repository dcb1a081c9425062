import { z } from './zod';
import { ARTICLE_STATUSES } from '@/lib/domain';
import { articleNoteSchema, reviewRequestSchema } from './article';
import { REASON_LIMIT, reasonSchema } from './confirm';

// Requests the article editor sends to /api/admin/articles. The article itself is checked by
// articleInputSchema; these wrap it with the version the editor started from.

const version = z.coerce.number().int().positive();

export const saveRequestSchema = z.object({
  version,
  article: z.unknown(),
  // Marks a published article's edit as a substantive update (moves the public "Updated" time).
  substantive: z.boolean().default(false),
});

export const workflowRequestSchema = z.object({
  version,
  to: z.enum(ARTICLE_STATUSES),
  // "2026-11-27T09:30" on the newsroom's clock, for "schedule".
  scheduledAt: z.string().trim().max(40).nullish(),
  review: reviewRequestSchema.nullish(),
  // Why, for the audit log: the workflow route requires one to unpublish (UNPUBLISH_REASON).
  reason: z.string().trim().max(REASON_LIMIT, { error: `Keep the reason under ${REASON_LIMIT} characters.` }).nullish(),
});

export const UNPUBLISH_REASON = 'Say why the article is being unpublished; the reason goes into the audit log.';

// The reason is the desk's, for the audit log; readers see only the note.
export const noteRequestSchema = articleNoteSchema.extend({ version, reason: reasonSchema() });

export const articleIdSchema = z.coerce.number().int().positive();

/** The autosave of a live article's pending changes, and "Discard pending changes". */
export const pendingSaveRequestSchema = z.object({
  // The pending changes' save count the editor last saw; null when it saw none.
  revision: z.number().int().positive().nullable(),
  baseVersion: version,
  article: z.unknown(),
});

export const pendingDiscardRequestSchema = z.object({ revision: z.number().int().positive() });
