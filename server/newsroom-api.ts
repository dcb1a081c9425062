import type { ArticleConflict } from '@/db/mutations/articles';
import type { ArticleSearchHit, BylineOption, TagOption } from '@/db/queries/admin-taxonomy';
import type { EditorArticle } from '@/db/queries/editor';
import type { ArticleStatus } from '@/lib/domain';
import type { RefusalReason } from '@/lib/newsroom/refusals';

// The newsroom's answers, as the browser receives them: the server's door (server/door.ts)
// produces exactly these shapes, and the browser code (components/admin/newsroom-client.ts)
// reads them with these types instead of re-declaring them. Types only: safe anywhere.

/** Field name → what is wrong with it; the same shape for forms and for the JSON API. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** What a server action returns to its form (useActionState). */
export interface FormState<V = undefined> {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  // A one-time link to show the admin once (invite, reset).
  link?: string;
  // What the person typed (or the saved values), so a refused form loses nothing.
  values?: V;
}

export interface ApiRefusal {
  ok: false;
  reason: RefusalReason;
  error: string;
  fieldErrors?: FieldErrors;
}

/** Every JSON answer of the newsroom API: `{ ok: true, …T }` or a refusal (plus its details). */
export type ApiAnswer<T, R extends object = object> = ({ ok: true } & T) | (ApiRefusal & Partial<R>);

// ---- the answers of each route (the `T` of ApiAnswer) ----------------------------------------


/** POST /api/admin/articles, PUT /api/admin/articles/[id], POST …/notes. */
export interface ArticleSaved {
  id: number;
  version: number;
  // Where the article stands after the save: an edit sends an approved article back to review.
  status: ArticleStatus;
}

/** POST /api/admin/articles/[id]/workflow. */
export interface ArticleMoved extends ArticleSaved {
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
}

/** A save that lost the race: the other save, to show side by side (409 conflict). */
export interface ConflictDetail {
  current: ArticleConflict;
}

/** GET /api/admin/articles/[id]. */
export interface ArticleLoaded {
  article: EditorArticle;
}

/** PUT /api/admin/articles/[id]/pending: a live article's pending changes were autosaved. */
export interface PendingSaved {
  revision: number;
  baseVersion: number;
}

/** DELETE /api/admin/articles/[id]/pending: the pending changes are gone; the article is at `version`. */
export interface PendingDiscarded {
  version: number;
}

/** POST /api/admin/articles/[id]/presence: who else has the article open. */
export interface PresenceAnswer {
  others: { id: number; name: string }[];
}

/** GET /api/admin/tags?q=, POST /api/admin/tags. */
export interface TagsFound {
  tags: TagOption[];
}
export interface TagMade {
  tag: TagOption;
}

/** GET /api/admin/bylines?q=. */
export interface BylinesFound {
  bylines: BylineOption[];
}

/** GET /api/admin/articles/search?q=. */
export interface ArticlesFound {
  articles: ArticleSearchHit[];
}

/** One image as the media API describes it. */
export interface MediaApiItem {
  id: number;
  // A ~400 px wide variant, through the image optimizer.
  url: string;
  thumbnailUrl: string;
  originalUrl: string;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  rightsExpired: boolean;
}

/** GET /api/admin/media?q=&page=. */
export interface MediaList {
  items: MediaApiItem[];
  total: number;
  page: number;
  pageCount: number;
  // The server's upload limit, so the uploader can refuse an oversized file before sending it.
  maxUploadBytes: number;
}

/** PATCH /api/admin/media/[id]. */
export interface MediaSaved {
  item: MediaApiItem;
}

/** POST /api/admin/media: one result per file (a refusal carries them too). */
export type UploadFileResult =
  | { name: string; ok: true; duplicate: boolean; item: MediaApiItem }
  | { name: string; ok: false; error: string };
export interface Uploaded {
  results: UploadFileResult[];
}
