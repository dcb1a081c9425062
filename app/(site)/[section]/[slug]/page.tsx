import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticlePageView } from '@/components/article/article-page-view';
import { JsonLd } from '@/components/seo/json-ld';
import { ViewBeacon } from '@/components/article/view-beacon';
import { getPublishedArticle, listRecentArticleParams } from '@/db/queries/articles';
import { getPublicLiveCoverage } from '@/db/queries/live';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getSiteSettings } from '@/db/queries/site';
import { buildArticleJsonLd, buildArticleMetadata } from '@/lib/seo/article';
import { NOINDEX_ROBOTS } from '@/lib/seo/metadata';
import { getSiteUrl } from '@/lib/site/url';

// A few recent articles are prerendered at build; every other address is
// rendered on its first request and then served from the cache.
export async function generateStaticParams() {
  const params = await listRecentArticleParams(20);
  return params.length > 0 ? params : [{ section: 'news', slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/[section]/[slug]'>): Promise<Metadata> {
  const { section, slug } = await props.params;
  const [article, settings] = await Promise.all([getPublishedArticle(section, slug), getSiteSettings()]);
  if (!article) return { title: 'Page not found', robots: NOINDEX_ROBOTS };
  return buildArticleMetadata(article, { siteUrl: getSiteUrl(), siteName: settings.siteName, timeZone: settings.timeZone, xAccount: settings.xAccount });
}

export default async function ArticlePage(props: PageProps<'/[section]/[slug]'>) {
  const { section, slug } = await props.params;
  const [article, settings] = await Promise.all([getPublishedArticle(section, slug), getSiteSettings()]);
  if (!article) {
    // A moved article (changed slug or section) or an uppercase address answers 308. An article
    // that was public and is withdrawn never gets here behind the gateway: it answers 410 there
    // (docs/decisions/017-withdrawn-articles-answer-410.md); under next dev it is this 404.
    const target = await findRedirectTarget(`/${section}/${slug}`);
    if (target) permanentRedirect(target);
    notFound();
  }
  const live = await getPublicLiveCoverage(article.id);
  return (
    <ArticlePageView
      article={article}
      timeZone={settings.timeZone}
      live={live}
      head={<JsonLd data={buildArticleJsonLd(article, { siteUrl: getSiteUrl(), siteName: settings.siteName, timeZone: settings.timeZone }, live)} />}
      end={<ViewBeacon articleId={article.id} />}
    />
  );
}
