'use server';

import { refresh } from 'next/cache';
import { expireTagsInAction } from '@/lib/expire-tags';
import { saveCurationSlot } from '@/db/mutations/curation';
import { authorizeAction } from '@/lib/auth-guards';
import type { FormState } from '@/lib/validation/auth';
import { curationInputSchema } from '@/lib/validation/taxonomy';

export interface CurationSaveState extends FormState {
  // Stories the server refused (not published any more).
  refused?: number[];
}

// Writes one slot's whole ordered list; the front page shows it on its next request.
export async function saveCurationAction(slot: string, articleIds: number[]): Promise<CurationSaveState> {
  const auth = await authorizeAction('curation.manage');
  if (!auth.ok) return { error: auth.error };
  const parsed = curationInputSchema.safeParse({ slot, articleIds });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'That list could not be read.' };
  const result = await saveCurationSlot(parsed.data.slot, parsed.data.articleIds, auth.actor);
  if (!result.ok) return { error: result.message, refused: result.articleIds };
  expireTagsInAction(result.invalidates);
  refresh();
  return { ok: true, message: 'Saved. The home page shows it now.' };
}
