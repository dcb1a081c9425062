'use server';

import { z } from 'zod';
import { deleteLiveUpdate, editLiveUpdate, postLiveUpdate, saveLiveCoverage } from '@/db/mutations/live';
import { getLiveUpdateOwnership } from '@/db/queries/live';
import type { FormState } from '@/server/newsroom-api';
import { changeLiveUpdate } from '@/lib/newsroom/permissions';
import { confirmedSchema } from '@/lib/validation/confirm';
import { deleteLiveUpdateSchema, editLiveUpdateSchema, LIVE_LIMITS, postLiveUpdateSchema, saveCoverageSchema } from '@/lib/validation/live';
import { ARTICLE_MISSING, findArticle } from '@/server/articles';
import { adminAction, formTexts, refuse, refusalOf } from '@/server/door';

// The live desk of one story (docs/decisions/020-live-coverage.md): post, edit and delete updates,
// start and end the coverage, keep its key points. Posting needs 'live.post' (authors and up, on
// any story); editing or deleting an update, its poster or whoever runs the coverage
// (changeLiveUpdate); the coverage itself, 'live.manage' on the story. Every answer echoes what
// was typed, so a refusal loses nothing.

const UPDATE_FIELDS = { title: LIVE_LIMITS.title, body: LIVE_LIMITS.body, embedUrl: LIVE_LIMITS.embedUrl, mediaId: 20, pinned: 5 };
export type LiveUpdateValues = Record<keyof typeof UPDATE_FIELDS, string>;
export type LiveUpdateFormState = FormState<LiveUpdateValues> & { posted?: number };
export type CoverageFormState = FormState<{ keyPoints: string }>;

const updateValues = formTexts(UPDATE_FIELDS);
const UPDATE_MISSING = 'This update no longer exists: someone deleted it. Reload the page to see the latest.';

export const postLiveUpdateAction = adminAction<z.infer<typeof postLiveUpdateSchema>, LiveUpdateValues>({
  permission: 'live.post',
  values: updateValues,
  input: postLiveUpdateSchema,
  resource: ({ articleId }) => findArticle(articleId),
  missing: ARTICLE_MISSING,
  run: async ({ articleId, ...fields }, { actor }) => {
    const result = await postLiveUpdate(articleId, fields, actor);
    if (!result.ok) return result.reason === 'not_found' ? refuse('not_found', ARTICLE_MISSING) : refusalOf(`Not posted: ${result.message}`, result.field);
    const empty: LiveUpdateValues = { title: '', body: '', embedUrl: '', mediaId: '', pinned: '' };
    return { ok: true, message: 'Posted: readers see it within seconds.', values: empty, posted: result.id, invalidates: result.invalidates };
  },
});

export const editLiveUpdateAction = adminAction<z.infer<typeof editLiveUpdateSchema>, LiveUpdateValues>({
  permission: changeLiveUpdate,
  values: updateValues,
  input: editLiveUpdateSchema,
  resource: ({ articleId, updateId }) => getLiveUpdateOwnership(articleId, updateId),
  missing: UPDATE_MISSING,
  run: async ({ articleId, updateId, version, ...fields }, { actor, values }) => {
    const result = await editLiveUpdate(articleId, updateId, version, fields, actor);
    if (!result.ok) {
      if (result.reason === 'not_found') return refuse('not_found', UPDATE_MISSING);
      if (result.reason === 'conflict') {
        return refuse(
          'conflict',
          `Not saved: someone changed this update since you opened the page. It now reads: “${result.current.body.slice(0, 200)}”. Your text is still here; reload to edit the latest.`,
        );
      }
      return refusalOf(`Not saved: ${result.message}`, result.field);
    }
    return { ok: true, message: 'Saved.', values, invalidates: result.invalidates };
  },
});

export const deleteLiveUpdateAction = adminAction({
  permission: changeLiveUpdate,
  fields: ['confirm'],
  input: deleteLiveUpdateSchema.extend({ confirm: confirmedSchema('delete this update') }),
  resource: ({ articleId, updateId }) => getLiveUpdateOwnership(articleId, updateId),
  missing: UPDATE_MISSING,
  run: async ({ articleId, updateId, version }, { actor }) => {
    const result = await deleteLiveUpdate(articleId, updateId, version, actor);
    if (!result.ok) {
      return result.reason === 'not_found'
        ? refuse('not_found', UPDATE_MISSING)
        : refuse('conflict', 'Not deleted: someone changed this update since you opened the page. Reload to see it, then delete again.');
    }
    return { ok: true, message: 'Deleted: it is off the live page.', invalidates: result.invalidates };
  },
});

export const saveCoverageAction = adminAction<z.infer<typeof saveCoverageSchema>, { keyPoints: string }>({
  permission: 'live.manage',
  values: formTexts({ keyPoints: LIVE_LIMITS.keyPoints * (LIVE_LIMITS.keyPoint + 4) }),
  input: saveCoverageSchema,
  resource: ({ articleId }) => findArticle(articleId),
  missing: ARTICLE_MISSING,
  run: async ({ articleId, version, keyPoints, intent }, { actor, values }) => {
    const result = await saveLiveCoverage(articleId, { keyPoints, intent, expectedVersion: version }, actor);
    if (!result.ok) {
      if (result.reason === 'not_found') return refuse('not_found', ARTICLE_MISSING);
      if (result.reason === 'conflict') {
        return refuse('conflict', 'Not saved: someone changed the coverage since you opened the page. Your key points are still here; reload to see theirs.');
      }
      return refusalOf(result.message, result.field);
    }
    const message = intent === 'start' ? 'Live coverage started.' : intent === 'end' ? 'Coverage ended: the page now reads as an article with its timeline.' : 'Key points saved.';
    return { ok: true, message, values, invalidates: result.invalidates };
  },
});
