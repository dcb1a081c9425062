import { transitionArticle } from '@/db/mutations/articles';
import { getSiteSettings } from '@/db/queries/site';
import { fromZonedInputValue } from '@/lib/time/dates';
import { moveArticle } from '@/lib/newsroom/permissions';
import { SMALL_BODY_LIMIT } from '@/server/request-body';
import { UNPUBLISH_REASON, workflowRequestSchema } from '@/lib/validation/editor';
import { ARTICLE_MISSING, articleParams, findArticle, saveOutcome } from '@/server/articles';
import { adminRoute, fieldError } from '@/server/door';

// Moves an article in the workflow (review, schedule, publish, unpublish, back to draft). The
// right needed depends on where it goes (lib/newsroom/permissions.ts moveArticle).
export const POST = adminRoute({
  permission: ({ body }) => moveArticle(body.to),
  params: articleParams,
  resource: ({ id }) => findArticle(id),
  missing: ARTICLE_MISSING,
  body: { schema: workflowRequestSchema, limit: SMALL_BODY_LIMIT, unreadable: 'Choose what should happen to the article.' },
  log: 'POST /api/admin/articles/[id]/workflow',
  run: async ({ params, body }, { actor }) => {
    // Taking a story down is answered for in the audit log.
    if (body.to === 'unpublished' && !body.reason) return fieldError('reason', UNPUBLISH_REASON);
    const { timeZone } = await getSiteSettings();
    let scheduledAt: Date | null = null;
    if (body.to === 'scheduled') {
      scheduledAt = body.scheduledAt ? fromZonedInputValue(body.scheduledAt, timeZone) : null;
      if (!scheduledAt) return fieldError('scheduledAt', `Choose a date and time on the newsroom's clock (${timeZone}).`);
    }
    let review: { assigneeId: number | null; deadline: Date | null; notes: string } | undefined;
    if (body.to === 'in_review' && body.review) {
      const deadline = body.review.deadline ? fromZonedInputValue(body.review.deadline, timeZone) : null;
      if (body.review.deadline && !deadline) return fieldError('deadline', 'That deadline is not a valid date and time.');
      review = { assigneeId: body.review.assigneeId, deadline, notes: body.review.notes };
    }
    return saveOutcome(await transitionArticle(params.id, body.to, actor, { expectedVersion: body.version, scheduledAt, review, reason: body.reason ?? null }));
  },
});
