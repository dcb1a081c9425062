import { transitionArticle } from '@/db/mutations/articles';
import { getSiteSettings } from '@/db/queries/site';
import { fromZonedInputValue } from '@/lib/dates';
import { authorizeArticle } from '@/lib/editor/article-access';
import { invalidJson, NO_STORE, saveResponse, unreadableBody } from '@/lib/editor/api-responses';
import { readJsonBody, SMALL_BODY_LIMIT } from '@/lib/request-body';
import { expireTags } from '@/lib/expire-tags';
import { canMoveArticle } from '@/lib/permissions';
import { withRequestLog } from '@/lib/request-log';
import { workflowRequestSchema } from '@/lib/validation/editor';

function invalid(field: string, message: string): Response {
  return Response.json({ ok: false, reason: 'invalid', error: message, errors: { [field]: message } }, { status: 422, headers: NO_STORE });
}

export async function POST(request: Request, context: RouteContext<'/api/admin/articles/[id]/workflow'>) {
  return withRequestLog(request, 'POST /api/admin/articles/[id]/workflow', async () => {
    const read = await readJsonBody(request, SMALL_BODY_LIMIT);
    if (!read.ok) return unreadableBody(read.reason, 'Choose what should happen to the article.');
    const body = workflowRequestSchema.safeParse(read.value);
    if (!body.success) return invalidJson('Choose what should happen to the article.');
    const access = await authorizeArticle(request, (await context.params).id, {
      change: (user, article) => canMoveArticle(user, article, body.data.to),
    });
    if (!access.ok) return access.response;
    const { timeZone } = await getSiteSettings();

    let scheduledAt: Date | null = null;
    if (body.data.to === 'scheduled') {
      scheduledAt = body.data.scheduledAt ? fromZonedInputValue(body.data.scheduledAt, timeZone) : null;
      if (!scheduledAt) return invalid('scheduledAt', `Choose a date and time on the newsroom's clock (${timeZone}).`);
    }
    let review: { assigneeId: number | null; deadline: Date | null; notes: string } | undefined;
    if (body.data.to === 'in_review' && body.data.review) {
      const deadline = body.data.review.deadline ? fromZonedInputValue(body.data.review.deadline, timeZone) : null;
      if (body.data.review.deadline && !deadline) return invalid('deadline', 'That deadline is not a valid date and time.');
      review = { assigneeId: body.data.review.assigneeId, deadline, notes: body.data.review.notes };
    }
    const result = await transitionArticle(access.articleId, body.data.to, access.actor, {
      expectedVersion: body.data.version,
      scheduledAt,
      review,
    });
    if (result.ok) expireTags(result.invalidates);
    return saveResponse(result);
  });
}
