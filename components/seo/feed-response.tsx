import 'server-only';
import { ArticleBody } from '@/components/article/article-body';
import { listFeedArticles, type FeedScope } from '@/db/queries/feeds';
import { getSiteSettings } from '@/db/queries/site';
import { heroCropUrl } from '@/lib/seo/article';
import { absolutizeHtmlUrls, buildRssFeed, FEED_HEADERS, type FeedEntry } from '@/lib/seo/feeds';
import { PUBLISHER_LOGO } from '@/lib/seo/metadata';
import { absoluteUrl, getSiteUrl } from '@/lib/site/url';
import { renderStaticHtml } from './static-html';

// An RSS response for the site, a section or a tag. Bodies go through the same allowlist
// renderer as the page (ArticleBody, 'feed' variant: plain <img>, videos as links).
export async function feedResponse(options: {
  scope: FeedScope;
  title: string | null;
  description: string;
  path: string;
  feedPath: string;
}): Promise<Response> {
  const [articles, settings] = await Promise.all([listFeedArticles(options.scope), getSiteSettings()]);
  const siteUrl = getSiteUrl();
  const entries: FeedEntry[] = articles.map((article) => {
    const hero = heroCropUrl(article, '16x9', siteUrl);
    return {
      url: absoluteUrl(article.url, siteUrl),
      title: article.title,
      description: article.dek || article.title,
      contentHtml: absolutizeHtmlUrls(
        renderStaticHtml(<ArticleBody doc={article.body} media={article.media} variant="feed" />),
        siteUrl,
      ),
      published: new Date(article.publishedAt),
      creators: article.bylines.map((b) => b.name),
      categories: [
        { name: article.section.name, url: absoluteUrl(`/${article.section.slug}`, siteUrl) },
        ...article.tags.map((t) => ({ name: t.name, url: absoluteUrl(`/tag/${t.slug}`, siteUrl) })),
      ],
      image: hero ? { url: hero, type: 'image/jpeg' } : null,
    };
  });
  const xml = buildRssFeed(
    {
      title: options.title ? `${options.title} — ${settings.siteName}` : settings.siteName,
      description: options.description,
      link: absoluteUrl(options.path, siteUrl),
      feedUrl: absoluteUrl(options.feedPath, siteUrl),
      siteName: settings.siteName,
      siteUrl,
      imageUrl: absoluteUrl(PUBLISHER_LOGO.path, siteUrl),
    },
    entries,
  );
  return new Response(xml, { headers: FEED_HEADERS });
}
