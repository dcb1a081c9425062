// An article readers could once read at its address and no longer can: it was published
// (publishedAt is set at the first publication and never cleared) and is now unpublished, back
// in the workflow or in the trash. Its address answers 410 Gone with a short notice instead of
// the 404 of an address that never held a story (gateway/admission.mjs, app/(site)/withdrawn).
export function decideWithdrawn(article: { status: string; publishedAt: Date | null; deletedAt: Date | null }): boolean {
  if (article.publishedAt === null) return false;
  return article.status !== 'published' || article.deletedAt !== null;
}
