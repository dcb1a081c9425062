import 'server-only';
import { revalidateTag } from 'next/cache';

// Route handlers expire what a save changed at once: the next public request renders anew
// (revalidateTag with a profile would serve one stale response first).
export function expireTags(tags: readonly string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
