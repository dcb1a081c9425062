import type { Metadata } from 'next';
import type { ArticlePage } from '@/db/queries/articles';
import type { LiveCoverageView } from '@/db/queries/live';
import { updateAnchor, updateHeadline } from '../live/updates';
import { parseVideoUrl, videoEmbedUrl, videoWatchUrl } from '../body/sanitize';
import { cropOutputSize, cropPath, type CropRatio } from '../media/crop';
import { formatPublishedDate, isoWithOffset } from '../time/dates';
import { rssAlternates, publisherInfo } from './metadata';
import { absoluteUrl } from '../site/url';
import {
  buildBreadcrumbList,
  buildNewsArticle,
  toLiveBlogPosting,
  type JsonLdObject,
  type VideoInfo,
} from './structured-data';

// An article's metadata and structured data, from the page-shaped article the page shows.

export interface SeoContext {
  siteUrl: string;
  siteName: string;
  timeZone: string;
  // The publication's X account ("@gazette"), for twitter:site.
  xAccount?: string | null;
}

// "/media/seed/hero.jpg" → "seed/hero.jpg": crops are addressed by library file.
function mediaFile(src: string): string | null {
  return src.startsWith('/media/') ? decodeURI(src.slice('/media/'.length)) : null;
}

export function heroCropUrl(article: Pick<ArticlePage, 'hero'>, ratio: CropRatio, siteUrl: string): string | null {
  const file = article.hero ? mediaFile(article.hero.src) : null;
  return file ? absoluteUrl(cropPath(file, ratio), siteUrl) : null;
}

// Google's three shapes, 1,200 px wide.
export function articleImages(article: Pick<ArticlePage, 'hero'>, siteUrl: string): string[] {
  return (['16x9', '4x3', '1x1'] as const).flatMap((ratio) => heroCropUrl(article, ratio, siteUrl) ?? []);
}

// The first video in the body, or the article's video URL.
export function articleVideo(article: ArticlePage, siteUrl: string): VideoInfo | null {
  const node = article.body.content.find((block) => block.type === 'video');
  const ref = node?.type === 'video' ? node.attrs : article.videoUrl ? parseVideoUrl(article.videoUrl) : null;
  if (!ref) return null;
  const thumbnail = heroCropUrl(article, '16x9', siteUrl);
  if (!thumbnail) return null;
  const title = node?.type === 'video' ? node.attrs.title : undefined;
  return {
    name: title?.trim() || article.title,
    description: article.dek || article.title,
    thumbnailUrl: [thumbnail],
    uploadDate: new Date(article.publishedAt),
    embedUrl: videoEmbedUrl(ref.provider, ref.videoId).replace(/\?autoplay=1$/, ''),
    contentUrl: videoWatchUrl(ref.provider, ref.videoId),
  };
}

export function articleDescription(article: Pick<ArticlePage, 'seoDescription' | 'dek' | 'title'>): string {
  return article.seoDescription || article.dek || article.title;
}

// The document title. Newsrooms repeat headlines ("Heavy rain expected tonight"); a repeat
// gets a numbered slug ("-2") when it is saved, and its title gains the publication date so
// no two pages share a title in search results. An editor's SEO title is used as written.
export function decideArticleTitle(
  article: Pick<ArticlePage, 'title' | 'seoTitle' | 'slug' | 'publishedAt'>,
  timeZone: string,
): string {
  if (article.seoTitle) return article.seoTitle;
  if (!/-\d+$/.test(article.slug)) return article.title;
  return `${article.title} (${formatPublishedDate(new Date(article.publishedAt), timeZone)})`;
}

export function buildArticleJsonLd(article: ArticlePage, context: SeoContext, live?: LiveCoverageView | null): JsonLdObject[] {
  const { siteUrl, timeZone } = context;
  const url = absoluteUrl(article.url, siteUrl);
  // A live story changes with every update, not only with the article's own saves.
  const modified = Math.max(new Date(article.updatedAt).getTime(), live ? new Date(live.modifiedAt).getTime() : 0);
  const main = buildNewsArticle(
    {
      url,
      headline: article.title,
      description: articleDescription(article),
      images: articleImages(article, siteUrl),
      datePublished: new Date(article.publishedAt),
      dateModified: new Date(modified),
      timeZone,
      authors: article.bylines.map((b) => ({
        name: b.name,
        url: absoluteUrl(`/author/${b.slug}`, siteUrl),
        kind: b.kind,
        jobTitle: b.jobTitle,
      })),
      section: article.section.name,
      keywords: article.tags.map((t) => t.name),
      corrections: article.corrections,
      video: articleVideo(article, siteUrl),
      wordCount: article.wordCount,
    },
    publisherInfo(context.siteName, siteUrl),
  );
  return [
    live ? toLiveBlogPosting(main, liveBlogInput(live, url, siteUrl), timeZone) : main,
    buildBreadcrumbList([
      { name: 'Home', url: `${siteUrl}/` },
      { name: article.section.name, url: absoluteUrl(`/${article.section.slug}`, siteUrl) },
      { name: article.title, url },
    ]),
  ];
}

function liveBlogInput(live: LiveCoverageView, url: string, siteUrl: string) {
  return {
    coverageStartTime: new Date(live.startedAt),
    coverageEndTime: live.endedAt ? new Date(live.endedAt) : null,
    updates: live.updates.map((u) => {
      const image = u.doc.content.find((block) => block.type === 'image');
      const media = image?.type === 'image' ? live.media[image.attrs.mediaId] : undefined;
      return {
        url: `${url}#${updateAnchor(u.id)}`,
        headline: updateHeadline({ title: u.title, body: u.text }),
        articleBody: u.text,
        datePublished: new Date(u.createdAt),
        dateModified: new Date(u.updatedAt),
        author: u.author.slug
          ? { name: u.author.name, kind: u.author.kind, url: absoluteUrl(`/author/${u.author.slug}`, siteUrl) }
          : { name: u.author.name || 'The news desk', kind: u.author.kind },
        image: media ? absoluteUrl(media.src, siteUrl) : null,
      };
    }),
  };
}

export function buildArticleMetadata(article: ArticlePage, context: SeoContext): Metadata {
  const { siteUrl } = context;
  const url = absoluteUrl(article.url, siteUrl);
  const description = articleDescription(article);
  const og = heroCropUrl(article, 'og', siteUrl);
  const ogSize = cropOutputSize('og', 1200);
  const alt = article.hero?.alt ?? '';
  const images = og ? [{ url: og, width: ogSize.width, height: ogSize.height, alt }] : undefined;
  return {
    title: decideArticleTitle(article, context.timeZone),
    description,
    alternates: {
      canonical: url,
      types: rssAlternates([
        { title: `${article.section.name} — ${context.siteName}`, path: `/${article.section.slug}/rss.xml` },
        { title: context.siteName, path: '/rss.xml' },
      ]),
    },
    openGraph: {
      type: 'article',
      url,
      siteName: context.siteName,
      locale: 'en_US',
      title: article.seoTitle || article.title,
      description,
      publishedTime: isoWithOffset(new Date(article.publishedAt), context.timeZone),
      modifiedTime: isoWithOffset(new Date(article.updatedAt), context.timeZone),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      authors: article.bylines.map((b) => absoluteUrl(`/author/${b.slug}`, siteUrl)),
      ...(images ? { images } : {}),
    },
    twitter: {
      card: 'summary_large_image',
      ...(context.xAccount ? { site: context.xAccount } : {}),
      title: article.seoTitle || article.title,
      description,
      // The same words as og:image:alt, as twitter:image:alt.
      ...(og ? { images: [{ url: og, alt }] } : {}),
    },
  };
}
