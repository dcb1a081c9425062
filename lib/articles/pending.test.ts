import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '@/lib/domain';
import { decideEditsArePending } from './pending';

describe('decideEditsArePending', () => {
  it('holds edits to what readers see or will see by itself; drafts save as they go', () => {
    expect(Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, decideEditsArePending(s)]))).toEqual({
      draft: false,
      in_review: false,
      // Approved is a sign-off on text nobody reads yet: edits go to the article (and reopen review).
      approved: false,
      scheduled: true,
      published: true,
      unpublished: false,
    });
  });
});
