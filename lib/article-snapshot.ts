import type { ArticleKind, ArticleNote, ArticleStatus } from '@/lib/domain';

// Everything an editor can change about an article, as one revision stores it.
// Revisions are full snapshots, so any one can be diffed or restored alone.
export interface ArticleSnapshot {
  slug: string;
  sectionId: number;
  kind: ArticleKind;
  title: string;
  dek: string;
  body: unknown;
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  heroMediaId: number | null;
  heroCaption: string;
  heroCredit: string;
  videoUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  socialMediaId?: number | null;
  bylineIds: number[];
  tagIds: number[];
  // Public notes (corrections, clarifications, updates) and the internal review fields.
  // Optional: revisions saved before they existed lack them.
  corrections?: ArticleNote[];
  updatedAt?: string | null;
  assigneeId?: number | null;
  reviewDeadline?: string | null;
  internalNotes?: string;
}

export const SNAPSHOT_FIELD_LABELS: Record<keyof ArticleSnapshot, string> = {
  slug: 'Slug',
  sectionId: 'Section',
  kind: 'Kind',
  title: 'Title',
  dek: 'Dek',
  body: 'Body',
  status: 'Status',
  publishedAt: 'Published',
  scheduledAt: 'Scheduled for',
  heroMediaId: 'Hero image',
  heroCaption: 'Hero caption',
  heroCredit: 'Hero credit',
  videoUrl: 'Video',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  socialMediaId: 'Social image',
  bylineIds: 'Bylines',
  tagIds: 'Tags',
  corrections: 'Corrections and updates',
  updatedAt: 'Updated',
  assigneeId: 'Assigned to',
  reviewDeadline: 'Review deadline',
  internalNotes: 'Internal notes',
};
