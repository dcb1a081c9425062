import { TEXT_FIELD_LABELS, type ArticleTexts } from '@/lib/articles/fields';
import type { ArticleKind, ArticleNote, ArticleStatus } from '@/lib/domain';

// Everything an editor can change about an article, as one revision stores it.
// Revisions are full snapshots, so any one can be diffed or restored alone. The text fields
// come from lib/articles/fields.ts; a revision saved before a text field existed lacks it.
export type ArticleSnapshot = Partial<ArticleTexts> &
  Pick<ArticleTexts, 'title' | 'dek'> & {
    slug: string;
    sectionId: number;
    kind: ArticleKind;
    body: unknown;
    status: ArticleStatus;
    publishedAt: string | null;
    scheduledAt: string | null;
    heroMediaId: number | null;
    socialMediaId?: number | null;
    bylineIds: number[];
    tagIds: number[];
    // The related stories the editor chose. Optional: revisions saved before they existed lack it.
    relatedIds?: number[];
    // Public notes (corrections, clarifications, updates) and the internal review fields.
    // Optional: revisions saved before they existed lack them.
    corrections?: ArticleNote[];
    updatedAt?: string | null;
    assigneeId?: number | null;
    reviewDeadline?: string | null;
    internalNotes?: string;
  };

// In the order a diff lists them: where the article lives, its words, then pictures and workflow.
export const SNAPSHOT_FIELD_LABELS: Record<keyof ArticleSnapshot, string> = {
  slug: 'Slug',
  sectionId: 'Section',
  kind: 'Kind',
  ...TEXT_FIELD_LABELS,
  body: 'Body',
  status: 'Status',
  publishedAt: 'Published',
  scheduledAt: 'Scheduled for',
  heroMediaId: 'Hero image',
  socialMediaId: 'Social image',
  bylineIds: 'Bylines',
  tagIds: 'Tags',
  relatedIds: 'Related stories',
  corrections: 'Corrections and updates',
  updatedAt: 'Updated',
  assigneeId: 'Assigned to',
  reviewDeadline: 'Review deadline',
  internalNotes: 'Internal notes',
};
