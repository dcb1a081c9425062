import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListPage } from '@/components/article/article-list-page';
import { NewsFeedPage } from '@/components/article/news-feed-page';
import { Pager } from '@/components/article/pager';
import { JsonLd } from '@/components/seo/json-ld';
import { listNewsFeed, listSectionArticles, type ArticleCard } from '@/db/queries/articles';
import { countBylineArticles, countNewsFeed, countSectionArticles, countTagArticles } from '@/db/queries/listing';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getSectionBySlug, getSiteSettings } from '@/db/queries/site';
import { getNewsroomToday } from '@/db/queries/today';
import { getBylineBySlug, getTagBySlug, listBylineArticles, listTagArticles } from '@/db/queries/taxonomy';
import { buildFrontSeo, frontPath, type FrontKind, type FrontSubject } from '@/lib/seo/fronts';
import { FRONT_PAGE_SIZE, NEWS_FEED_PAGE_SIZE, NEWS_FEED_SLUG } from '@/lib/seo/news-feed';
import { countPages, parsePageParam } from '@/lib/site/pagination';
import { NOINDEX_ROBOTS } from '@/lib/seo/metadata';
import { getSiteUrl } from '@/lib/site/url';
import { requirePage } from '../require-page';

// Section, tag and byline fronts, page by page: the one place their pages and their metadata
// are made. Page 1 is the bare address (app/(site)/[section], tag/[slug], author/[slug]); page N
// is "?page=N", which next.config.ts rewrites to the static routes under app/(site)/paged/.
// Those routes only pass their parameters here, so every page of a front gets the same title
// pattern, description and JSON-LD (lib/seo/fronts.ts). A page past the end or a malformed
// number is a 404, and "?page=1" answers 308 to the bare address.

interface Front {
  subject: FrontSubject;
  // The News Feed section lists its short items under day headings instead of cards.
  newsFeed: boolean;
  pageSize: number;
  count: () => Promise<number>;
  list: (limit: number, offset: number) => Promise<ArticleCard[]>;
}

async function getFront(kind: FrontKind, slug: string): Promise<Front | null> {
  switch (kind) {
    case 'section': {
      const section = await getSectionBySlug(slug);
      if (!section) return null;
      const subject: FrontSubject = { kind, slug: section.slug, name: section.name, description: section.description };
      if (section.slug === NEWS_FEED_SLUG) {
        return {
          subject,
          newsFeed: true,
          pageSize: NEWS_FEED_PAGE_SIZE,
          count: countNewsFeed,
          list: (limit, offset) => listNewsFeed({ limit, offset }),
        };
      }
      return {
        subject,
        newsFeed: false,
        pageSize: FRONT_PAGE_SIZE,
        count: () => countSectionArticles(section.id),
        list: (limit, offset) => listSectionArticles({ sectionId: section.id, limit, offset }),
      };
    }
    case 'tag': {
      const tag = await getTagBySlug(slug);
      if (!tag) return null;
      return {
        subject: { kind, slug: tag.slug, name: tag.name, description: tag.description },
        newsFeed: false,
        pageSize: FRONT_PAGE_SIZE,
        count: () => countTagArticles(tag.id),
        list: (limit, offset) => listTagArticles({ tagId: tag.id, limit, offset }),
      };
    }
    case 'author': {
      const byline = await getBylineBySlug(slug);
      if (!byline) return null;
      return {
        subject: {
          kind,
          slug: byline.slug,
          name: byline.name,
          description: byline.bio,
          byline: { kind: byline.kind, jobTitle: byline.jobTitle, avatar: byline.avatar?.src ?? null },
        },
        newsFeed: false,
        pageSize: FRONT_PAGE_SIZE,
        count: () => countBylineArticles(byline.id),
        list: (limit, offset) => listBylineArticles({ bylineId: byline.id, limit, offset }),
      };
    }
  }
}

// One page of a front with what it says about itself.
interface LoadedFrontPage {
  front: Front;
  page: number;
  totalPages: number;
  articles: ArticleCard[];
  seo: ReturnType<typeof buildFrontSeo>;
}

// Null when the front does not exist or the page is past its end.
async function loadFrontPage(kind: FrontKind, slug: string, page: number): Promise<LoadedFrontPage | null> {
  const front = await getFront(kind, slug);
  if (!front) return null;
  const totalPages = countPages(await front.count(), front.pageSize);
  if (page > totalPages) return null;
  const [articles, settings] = await Promise.all([
    front.list(front.pageSize, (page - 1) * front.pageSize),
    getSiteSettings(),
  ]);
  const seo = buildFrontSeo({ siteUrl: getSiteUrl(), siteName: settings.siteName, xAccount: settings.xAccount, subject: front.subject, page, items: articles });
  return { front, page, totalPages, articles, seo };
}

// `page` is the raw "?page" value a paged route was given; undefined on the bare address.
export async function frontMetadata(kind: FrontKind, slug: string, page?: string): Promise<Metadata> {
  const pageNumber = page === undefined ? 1 : parsePageParam(page);
  const loaded = pageNumber === null ? null : await loadFrontPage(kind, slug, pageNumber);
  return loaded?.seo.metadata ?? { title: 'Page not found', robots: NOINDEX_ROBOTS };
}

export async function FrontPage({ kind, slug, page }: { kind: FrontKind; slug: string; page?: string }) {
  const pageNumber = page === undefined ? 1 : requirePage(page, frontPath(kind, slug));
  const loaded = await loadFrontPage(kind, slug, pageNumber);
  if (!loaded) {
    // A renamed front or an uppercase address answers 308. Page N of a moved front stays a 404:
    // a redirect's target names no page.
    const target = pageNumber === 1 ? await findRedirectTarget(frontPath(kind, slug)) : null;
    if (target) permanentRedirect(target);
    notFound();
  }
  return (
    <>
      <JsonLd data={loaded.seo.jsonLd} />
      <FrontBody {...loaded} />
    </>
  );
}

async function FrontBody({ front, page, totalPages, articles }: LoadedFrontPage) {
  const { subject } = front;
  const base = frontPath(subject.kind, subject.slug);
  if (front.newsFeed) {
    const today = await getNewsroomToday();
    return (
      <NewsFeedPage
        title={subject.name}
        description={subject.description}
        base={base}
        page={page}
        totalPages={totalPages}
        items={articles}
        timeZone={today.timeZone}
        now={new Date(today.iso)}
      />
    );
  }
  const pager = <Pager base={base} page={page} totalPages={totalPages} />;
  switch (subject.kind) {
    case 'section':
      return (
        <ArticleListPage
          title={subject.name}
          description={subject.description}
          articles={articles}
          showSection={false}
          page={page}
          leadFirst={page === 1}
          pager={pager}
        />
      );
    case 'tag':
      return (
        <ArticleListPage
          eyebrow="Topic"
          title={subject.name}
          description={subject.description}
          articles={articles}
          page={page}
          pager={pager}
        />
      );
    case 'author':
      return (
        <ArticleListPage
          eyebrow={subject.byline.jobTitle || (subject.byline.kind === 'desk' ? 'Desk' : 'Author')}
          title={subject.name}
          description={subject.description}
          articles={articles}
          page={page}
          pager={pager}
          header={
            subject.byline.avatar ? (
              <Image
                src={subject.byline.avatar}
                alt=""
                width={96}
                height={96}
                className="my-3 size-24 rounded-full bg-panel object-cover"
              />
            ) : null
          }
        />
      );
  }
}
