import { feedResponse } from '@/components/seo/feed-response';
import { getTagBySlug } from '@/db/queries/taxonomy';

export async function GET(_request: Request, ctx: RouteContext<'/tag/[slug]/rss.xml'>) {
  const { slug } = await ctx.params;
  const tag = await getTagBySlug(slug);
  if (!tag) return new Response('Not found', { status: 404 });
  return feedResponse({
    scope: { kind: 'tag', tagId: tag.id },
    title: tag.name,
    description: tag.description || `Stories about ${tag.name}.`,
    path: `/tag/${tag.slug}`,
    feedPath: `/tag/${tag.slug}/rss.xml`,
  });
}
