'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { z } from 'zod';
import { deleteArticle, restoreArticle, type TrashResult } from '@/db/mutations/article-trash';
import { getArticleOwnership } from '@/db/queries/admin-articles';
import { authorizeAction, FORBIDDEN_MESSAGE } from '@/lib/auth-guards';
import { canChangeArticle } from '@/lib/permissions';

// Soft delete and restore. CONTRACT (the article editor calls these too):
//   deleteArticleAction(formData: id, version?) — 'article.delete' on the article's creator
//   restoreArticleAction(formData: id)          — 'article.restore' (editors and up)
// Each checks the role on the server, calls one mutation, expires the cache tags it names and
// refreshes the page; refusals and conflicts are returned, never thrown.

export interface TrashActionResult {
  ok: boolean;
  error?: string;
  message?: string;
}

const trashSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.preprocess((v) => (v === null || v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
});

const NOT_FOUND = 'That article does not exist.';

const FAILURES: Record<Exclude<TrashResult, { ok: true }>['reason'], string> = {
  not_found: NOT_FOUND,
  conflict: 'Someone changed this article since you opened it. Reload the page and try again.',
  already_deleted: 'That article is already deleted.',
  not_deleted: 'That article is not deleted.',
};

function parse(formData: FormData) {
  return trashSchema.safeParse({ id: formData.get('id'), version: formData.get('version') });
}

export async function deleteArticleAction(formData: FormData): Promise<TrashActionResult> {
  const input = parse(formData);
  const article = input.success ? await getArticleOwnership(input.data.id) : null;
  // The role is checked first, on the article's creator, so a refusal never says whether it exists.
  const auth = await authorizeAction('article.delete', { ownerId: article?.createdBy ?? null });
  if (!auth.ok) return { ok: false, error: auth.error };
  if (!input.success || !article) return { ok: false, error: NOT_FOUND };
  // A live article leaves the site only by the hand of someone who may unpublish it.
  if (!canChangeArticle(auth.user, 'article.delete', { ownerId: article.createdBy, status: article.status })) {
    return { ok: false, error: `${FORBIDDEN_MESSAGE} This article is live: ask an editor to unpublish or delete it.` };
  }
  // The version the decision was made on, so a publish in between is a conflict, not a delete.
  const result = await deleteArticle(input.data.id, auth.actor, input.data.version ?? article.version);
  if (!result.ok) return { ok: false, error: FAILURES[result.reason] };
  expireTagsInAction(result.invalidates);
  refresh();
  return { ok: true, message: 'Deleted. Editors can restore it from the Deleted tab.' };
}

export async function restoreArticleAction(formData: FormData): Promise<TrashActionResult> {
  const auth = await authorizeAction('article.restore');
  if (!auth.ok) return { ok: false, error: auth.error };
  const input = parse(formData);
  if (!input.success) return { ok: false, error: NOT_FOUND };
  const result = await restoreArticle(input.data.id, auth.actor);
  if (!result.ok) return { ok: false, error: FAILURES[result.reason] };
  expireTagsInAction(result.invalidates);
  refresh();
  const as = result.status === 'in_review' ? 'in review' : result.status;
  return { ok: true, message: `Restored as ${as}.` };
}

// The same two, shaped for useActionState (the list's buttons work without JavaScript too).
export async function deleteArticleFormAction(_previous: TrashActionResult, formData: FormData): Promise<TrashActionResult> {
  return deleteArticleAction(formData);
}

export async function restoreArticleFormAction(_previous: TrashActionResult, formData: FormData): Promise<TrashActionResult> {
  return restoreArticleAction(formData);
}
