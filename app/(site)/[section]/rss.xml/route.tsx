import { feedResponse } from '@/components/seo/feed-response';
import { getSectionBySlug } from '@/db/queries/site';

// A static segment: /{section}/rss.xml wins over /{section}/{slug}, and no article slug can
// contain a dot (lib/site/slug.ts), so nothing is shadowed.
export async function GET(_request: Request, ctx: RouteContext<'/[section]/rss.xml'>) {
  const { section } = await ctx.params;
  const found = await getSectionBySlug(section);
  if (!found) return new Response('Not found', { status: 404 });
  return feedResponse({
    scope: { kind: 'section', sectionId: found.id },
    title: found.name,
    description: `The latest ${found.name} stories.`,
    path: `/${found.slug}`,
    feedPath: `/${found.slug}/rss.xml`,
  });
}
