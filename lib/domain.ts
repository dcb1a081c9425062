// The newsroom's vocabulary, shared by the schema, validation and pages.

export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// A byline names a person or a desk; crawlers see a desk as an organization.
export const BYLINE_KINDS = ['person', 'desk'] as const;
export type BylineKind = (typeof BYLINE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_KINDS = ['news', 'feature', 'analysis', 'opinion', 'feed'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

// Public notes at an article's foot (and on /corrections), newest last. Rows written before
// notes had a kind read as corrections.
export const ARTICLE_NOTE_KINDS = ['correction', 'clarification', 'update'] as const;
export type ArticleNoteKind = (typeof ARTICLE_NOTE_KINDS)[number];
export interface ArticleNote {
  at: string;
  kind?: ArticleNoteKind;
  text: string;
}
