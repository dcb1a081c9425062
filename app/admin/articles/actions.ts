'use server';

import { z } from 'zod';
import { deleteArticle, restoreArticle, type TrashResult } from '@/db/mutations/article-trash';
import type { FormState } from '@/server/newsroom-api';
import { changeArticle } from '@/lib/newsroom/permissions';
import { confirmedSchema } from '@/lib/validation/confirm';
import { ARTICLE_MISSING, findArticle, type FoundArticle } from '@/server/articles';
import { adminCommand, refuse } from '@/server/door';

// Soft delete and restore. The article editor calls deleteArticleAction directly; the list's
// buttons use the form versions (they work without JavaScript too).

export type TrashActionResult = FormState;

const trashSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.preprocess((v) => (v === null || v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
});

// Deleting asks first (the list's dialog, the editor's); restoring from the Deleted tab does not.
const deleteSchema = trashSchema.extend({ confirm: confirmedSchema('delete this article') });

const FAILURES: Record<Exclude<TrashResult, { ok: true }>['reason'], string> = {
  not_found: ARTICLE_MISSING,
  conflict: 'Someone changed this article since you opened it. Reload the page and try again.',
  already_deleted: 'That article is already deleted.',
  not_deleted: 'That article is not deleted.',
};

const failed = (reason: keyof typeof FAILURES) => refuse(reason === 'not_found' ? 'not_found' : reason === 'conflict' ? 'conflict' : 'invalid', FAILURES[reason]);

// A live article leaves the site only by the hand of someone who may unpublish it.
const remove = adminCommand<FormData, z.output<typeof deleteSchema>, FoundArticle>({
  permission: changeArticle('article.delete'),
  input: deleteSchema,
  resource: ({ id }) => findArticle(id, { deleted: true }),
  missing: ARTICLE_MISSING,
  run: async ({ id, version }, { actor, resource }) => {
    // The version the decision was made on, so a publish in between is a conflict, not a delete.
    const result = await deleteArticle(id, actor, version ?? resource!.version);
    if (!result.ok) return failed(result.reason);
    return { ok: true, message: 'Deleted. Editors can restore it from the Deleted tab.', invalidates: result.invalidates };
  },
});

const restore = adminCommand<FormData, z.output<typeof trashSchema>>({
  permission: 'article.restore',
  input: trashSchema,
  run: async ({ id }, { actor }) => {
    const result = await restoreArticle(id, actor);
    if (!result.ok) return failed(result.reason);
    const as = result.status === 'in_review' ? 'in review' : result.status;
    return { ok: true, message: `Restored as ${as}.`, invalidates: result.invalidates };
  },
});

export async function deleteArticleAction(formData: FormData): Promise<TrashActionResult> {
  return remove(formData);
}

export async function restoreArticleAction(formData: FormData): Promise<TrashActionResult> {
  return restore(formData);
}

export async function deleteArticleFormAction(_previous: TrashActionResult, formData: FormData): Promise<TrashActionResult> {
  return remove(formData);
}

export async function restoreArticleFormAction(_previous: TrashActionResult, formData: FormData): Promise<TrashActionResult> {
  return restore(formData);
}
