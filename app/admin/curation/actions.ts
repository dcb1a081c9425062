'use server';

import { saveCurationSlot } from '@/db/mutations/curation';
import type { FormState } from '@/server/newsroom-api';
import { curationInputSchema } from '@/lib/validation/taxonomy';
import { adminCommand, refuse } from '@/server/door';

export interface CurationSaveState extends FormState<undefined> {
  // Stories the server refused (not published any more).
  refused?: number[];
}

// Writes one slot's whole ordered list; the front page shows it on its next request.
const saveSlot = adminCommand<{ slot: string; articleIds: number[] }, { slot: 'lead' | 'top' | 'picks'; articleIds: number[] }, never, CurationSaveState>({
  permission: 'curation.manage',
  input: curationInputSchema,
  run: async ({ slot, articleIds }, { actor }) => {
    const result = await saveCurationSlot(slot, articleIds, actor);
    if (!result.ok) return refuse('invalid', result.message, { refused: result.articleIds });
    return { ok: true, message: 'Saved. The home page shows it now.', invalidates: result.invalidates };
  },
});

export async function saveCurationAction(slot: string, articleIds: number[]): Promise<CurationSaveState> {
  return saveSlot({ slot, articleIds });
}
