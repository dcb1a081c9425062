import { isoWithOffset } from '../time/dates';
import type { BylineKind } from '../domain';

// Schema.org JSON-LD for crawlers, following Google Search Central's article, breadcrumb,
// video and profile-page guidance. Pure builders: every URL passed in is already absolute,
// every date is an instant written with the newsroom's offset.

export type JsonLdObject = { '@context'?: string; '@type': string | string[] } & Record<string, unknown>;

export interface PublisherInfo {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

export interface PersonOrDesk {
  name: string;
  url: string;
  kind: BylineKind;
  jobTitle?: string;
  image?: string | null;
  description?: string;
}

export interface VideoInfo {
  name: string;
  description: string;
  thumbnailUrl: string[];
  uploadDate: Date;
  embedUrl: string;
  contentUrl: string;
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: string[];
  datePublished: Date;
  dateModified: Date;
  timeZone: string;
  authors: PersonOrDesk[];
  section: string;
  keywords: string[];
  corrections: { at: string; text: string }[];
  video: VideoInfo | null;
  wordCount?: number;
}

const CONTEXT = 'https://schema.org';

export function buildPublisher(publisher: PublisherInfo): JsonLdObject {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.url}/#publisher`,
    name: publisher.name,
    url: `${publisher.url}/`,
    logo: {
      '@type': 'ImageObject',
      url: publisher.logo.url,
      width: publisher.logo.width,
      height: publisher.logo.height,
    },
  };
}

// A byline as schema.org sees it: a person, or a desk, which is an organization.
export function buildAuthor(author: PersonOrDesk): JsonLdObject {
  return {
    '@type': author.kind === 'desk' ? 'Organization' : 'Person',
    name: author.name,
    url: author.url,
    ...(author.kind === 'person' && author.jobTitle ? { jobTitle: author.jobTitle } : {}),
  };
}

function isoOrUndefined(value: string, timeZone: string): string | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : isoWithOffset(date, timeZone);
}

export function buildVideoObject(video: VideoInfo, timeZone: string): JsonLdObject {
  return {
    '@type': 'VideoObject',
    name: video.name,
    description: video.description,
    thumbnailUrl: video.thumbnailUrl,
    uploadDate: isoWithOffset(video.uploadDate, timeZone),
    embedUrl: video.embedUrl,
    contentUrl: video.contentUrl,
  };
}

export function buildNewsArticle(input: NewsArticleInput, publisher: PublisherInfo): JsonLdObject {
  const { timeZone } = input;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    image: input.images,
    datePublished: isoWithOffset(input.datePublished, timeZone),
    dateModified: isoWithOffset(input.dateModified, timeZone),
    author: input.authors.map(buildAuthor),
    publisher: buildPublisher(publisher),
    articleSection: input.section,
    keywords: input.keywords,
    inLanguage: 'en',
    isAccessibleForFree: true,
    ...(input.wordCount ? { wordCount: input.wordCount } : {}),
    ...(input.video ? { video: buildVideoObject(input.video, timeZone) } : {}),
    ...(input.corrections.length > 0
      ? {
          correction: input.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            ...(isoOrUndefined(c.at, timeZone) ? { datePublished: isoOrUndefined(c.at, timeZone) } : {}),
          })),
        }
      : {}),
  };
}

export interface LiveBlogInput {
  coverageStartTime: Date;
  coverageEndTime: Date | null;
  updates: {
    url: string;
    headline: string;
    articleBody: string;
    datePublished: Date;
    dateModified: Date;
    author: PersonOrDesk | { name: string; kind: BylineKind; url?: undefined };
    image: string | null;
  }[];
}

/**
 * A story with live coverage: the article's own object as a LiveBlogPosting (schema.org's
 * BlogPosting for rolling coverage, which Google reads for live pages), with the coverage's times
 * and each update as a BlogPosting at its permalink. Everything else the article says (publisher,
 * images, section, dates) stays as it is.
 */
export function toLiveBlogPosting(article: JsonLdObject, live: LiveBlogInput, timeZone: string): JsonLdObject {
  return {
    ...article,
    '@type': 'LiveBlogPosting',
    coverageStartTime: isoWithOffset(live.coverageStartTime, timeZone),
    ...(live.coverageEndTime ? { coverageEndTime: isoWithOffset(live.coverageEndTime, timeZone) } : {}),
    liveBlogUpdate: live.updates.map((u) => ({
      '@type': 'BlogPosting',
      '@id': u.url,
      url: u.url,
      headline: u.headline,
      articleBody: u.articleBody,
      datePublished: isoWithOffset(u.datePublished, timeZone),
      dateModified: isoWithOffset(u.dateModified, timeZone),
      author: u.author.url
        ? buildAuthor(u.author as PersonOrDesk)
        : { '@type': u.author.kind === 'desk' ? 'Organization' : 'Person', name: u.author.name },
      ...(u.image ? { image: u.image } : {}),
    })),
  };
}

// Home › Section › Article. Every item but the page itself carries its URL; Google accepts
// the last one with an item too, so all do.
export function buildBreadcrumbList(items: { name: string; url: string }[]): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

// The home page: the site, its search box and the organization behind it.
export function buildWebSite(publisher: PublisherInfo, searchPath = '/search?q={search_term_string}'): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${publisher.url}/#website`,
    name: publisher.name,
    url: `${publisher.url}/`,
    inLanguage: 'en',
    publisher: { '@id': `${publisher.url}/#publisher` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${publisher.url}${searchPath}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function buildOrganization(publisher: PublisherInfo): JsonLdObject {
  return { '@context': CONTEXT, ...buildPublisher(publisher) };
}

// A byline page: ProfilePage whose main entity is the person (or desk).
export function buildProfilePage(
  author: PersonOrDesk,
  options: { url: string; publisher: PublisherInfo },
): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: options.url,
    mainEntity: {
      ...buildAuthor(author),
      ...(author.description ? { description: author.description } : {}),
      ...(author.image ? { image: author.image } : {}),
      ...(author.kind === 'person'
        ? { worksFor: { '@id': `${options.publisher.url}/#publisher` } }
        : { parentOrganization: { '@id': `${options.publisher.url}/#publisher` } }),
    },
    isPartOf: { '@id': `${options.publisher.url}/#website` },
  };
}

// A section or tag page: a collection whose items are the listed articles.
export function buildCollectionPage(input: {
  url: string;
  name: string;
  description: string;
  items: { url: string; name: string }[];
  publisher: PublisherInfo;
}): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    url: input.url,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    isPartOf: { '@id': `${input.publisher.url}/#website` },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: input.items.map((item, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: item.url,
        name: item.name,
      })),
    },
  };
}

// JSON for a <script type="application/ld+json">: `<` is escaped so no text can close the
// script element (or open a comment), and U+2028/U+2029 so old parsers do not end a line.
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
