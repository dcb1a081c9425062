import type { BodyDoc } from '../body/types';

// Usage rights: an image bought or licensed for a time (media.rights_expire_at) may not go out
// on the site after that time. An article is refused publication, scheduling and the "Update"
// of its live copy while it uses such an image (db/mutations/articles.ts); live articles whose
// images lapsed since are listed on the dashboard (db/queries/rights.ts).

export type ImagePlace = 'hero' | 'social' | 'body';

export interface ArticleImages {
  heroMediaId: number | null;
  socialMediaId: number | null;
  body: unknown;
}

/** Every library image an article shows, where it shows it; an image used twice is listed once. */
export function listArticleImages(article: ArticleImages): { mediaId: number; place: ImagePlace }[] {
  const seen = new Map<number, ImagePlace>();
  if (article.heroMediaId != null) seen.set(article.heroMediaId, 'hero');
  if (article.socialMediaId != null && !seen.has(article.socialMediaId)) seen.set(article.socialMediaId, 'social');
  const blocks = (article.body as BodyDoc | null)?.content;
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (block?.type !== 'image') continue;
    const id = block.attrs?.mediaId;
    if (typeof id === 'number' && !seen.has(id)) seen.set(id, 'body');
  }
  return [...seen].map(([mediaId, place]) => ({ mediaId, place }));
}

export interface ImageRights {
  id: number;
  alt: string;
  caption: string;
  originalName: string;
  rightsExpireAt: Date | null;
}

/** An image's name as the media library shows it (app/admin/media/media-grid.tsx). */
export function imageLabel(image: Pick<ImageRights, 'alt' | 'caption' | 'originalName'>): string {
  return image.alt.trim() || image.caption.trim() || image.originalName;
}

export function isRightsExpiredAt(rightsExpireAt: Date | null, at: Date): boolean {
  return rightsExpireAt != null && rightsExpireAt.getTime() <= at.getTime();
}

const PLACE_NAME: Record<ImagePlace, string> = { hero: 'hero image', social: 'social image', body: 'image in the body' };

// Where a refusal is shown in the editor: beside the picker that chose the image.
const PLACE_FIELD: Record<ImagePlace, 'heroMediaId' | 'socialMediaId' | 'body'> = {
  hero: 'heroMediaId',
  social: 'socialMediaId',
  body: 'body',
};

/**
 * The images whose rights will have expired at `when.at` (now for a publication or an update,
 * the scheduled time for a schedule), as messages by editor field; empty when all may be shown.
 */
export function decideRightsProblems(
  uses: { mediaId: number; place: ImagePlace }[],
  images: ImageRights[],
  when: { at: Date; now: Date; formatDate: (date: Date) => string },
): Record<string, string> {
  const byId = new Map(images.map((image) => [image.id, image]));
  const problems: Record<string, string> = {};
  for (const use of uses) {
    const image = byId.get(use.mediaId);
    if (!image?.rightsExpireAt || !isRightsExpiredAt(image.rightsExpireAt, when.at)) continue;
    const field = PLACE_FIELD[use.place];
    const verb = isRightsExpiredAt(image.rightsExpireAt, when.now) ? 'expired' : 'expire';
    const message = `The usage rights of the ${PLACE_NAME[use.place]} “${imageLabel(image)}” ${verb} on ${when.formatDate(image.rightsExpireAt)}; replace it first.`;
    problems[field] = problems[field] ? `${problems[field]} ${message}` : message;
  }
  return problems;
}
