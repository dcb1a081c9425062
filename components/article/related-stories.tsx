import { ArticleCard } from '@/components/article/article-card';
import { RailHeading } from '@/components/article/rails';
import { listRelatedStories, listRelatedStoriesForPreview } from '@/db/queries/related';

// Up to four stories to read next, under the article (db/queries/related.ts chooses them: the
// editor's picks first). Plain links: a thumbnail beside each headline on phones, two columns of
// cards from the small breakpoint; left off paper. The preview reads the latest save, not the cache.
export async function RelatedStories({ articleId, preview = false }: { articleId: number; preview?: boolean }) {
  const stories = preview ? await listRelatedStoriesForPreview(articleId) : await listRelatedStories(articleId);
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="related-stories-heading" data-testid="related-stories" className="no-print mt-12">
      <RailHeading id="related-stories-heading">Related stories</RailHeading>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2 sm:gap-x-8">
        {stories.map((story) => (
          <li key={story.id}>
            <ArticleCard article={story} variant="list" />
          </li>
        ))}
      </ul>
    </section>
  );
}
