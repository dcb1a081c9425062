import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound, permanentRedirect } from 'next/navigation';
import { listNewsFeed, listSectionArticles, type ArticleCard as Card } from '@/db/queries/articles';
import {
  countBylineArticles,
  countNewsFeed,
  countSectionArticles,
  countTagArticles,
} from '@/db/queries/listing';
import { getSectionBySlug, getSiteSettings } from '@/db/queries/site';
import { getNewsroomToday } from '@/db/queries/today';
import { getBylineBySlug, getTagBySlug, listBylineArticles, listTagArticles } from '@/db/queries/taxonomy';
import { FRONT_PAGE_SIZE, NEWS_FEED_PAGE_SIZE, NEWS_FEED_SLUG } from '@/lib/news-feed';
import { buildListingMetadata } from '@/lib/listing-seo';
import { countPages, pageHref, parsePageParam } from '@/lib/pagination';
import { getSiteUrl } from '@/lib/site-url';
import { ArticleListPage } from './article-list-page';
import { NewsFeedList } from './news-feed-list';
import { Pager } from './pager';
import { ShowMore } from './show-more';

// Section, tag and byline fronts, page by page. Page 1 lives at the bare address; page N at
// "?page=N", which next.config.ts rewrites to the static routes under app/(site)/paged/.
// A page past the end, or a malformed number, is a 404; "?page=1" redirects to the bare address.

const notFoundMetadata: Metadata = { title: 'Page not found', robots: { index: false } };

// The page number from a paged route's parameter, or a 404 / redirect.
export function requirePage(raw: string, base: string): number {
  const page = parsePageParam(raw);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(base);
  return page;
}

function pageTitle(name: string, page: number): string {
  return page > 1 ? `${name} — page ${page}` : name;
}

// Metadata for any paginated front: page N is its own canonical address, with the same
// social card and feed as page 1 (lib/listing-seo.ts).
async function frontMetadata(input: {
  name: string;
  base: string;
  page: number;
  description: string;
  image: string;
  feedPath?: string;
}): Promise<Metadata> {
  const settings = await getSiteSettings();
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    path: pageHref(input.base, input.page),
    title: pageTitle(input.name, input.page),
    description: input.description || `${input.name}: the latest from ${settings.siteName}.`,
    image: input.image,
    feeds: input.feedPath ? [{ title: `${input.name} — ${settings.siteName}`, path: input.feedPath }] : undefined,
  });
}

export async function sectionFrontMetadata(slug: string, rawPage = '1'): Promise<Metadata> {
  const page = parsePageParam(rawPage);
  const section = await getSectionBySlug(slug);
  if (!section || !page) return notFoundMetadata;
  const base = `/${section.slug}`;
  return frontMetadata({
    name: section.name,
    base,
    page,
    description: section.description,
    image: `/social-card/section/${section.slug}`,
    feedPath: `${base}/rss.xml`,
  });
}

export async function tagFrontMetadata(slug: string, rawPage = '1'): Promise<Metadata> {
  const page = parsePageParam(rawPage);
  const tag = await getTagBySlug(slug);
  if (!tag || !page) return notFoundMetadata;
  const base = `/tag/${tag.slug}`;
  return frontMetadata({
    name: tag.name,
    base,
    page,
    description: tag.description,
    image: `/social-card/tag/${tag.slug}`,
    feedPath: `${base}/rss.xml`,
  });
}

export async function authorFrontMetadata(slug: string, rawPage = '1'): Promise<Metadata> {
  const page = parsePageParam(rawPage);
  const byline = await getBylineBySlug(slug);
  if (!byline || !page) return notFoundMetadata;
  return frontMetadata({
    name: byline.name,
    base: `/author/${byline.slug}`,
    page,
    description: byline.bio,
    image: byline.avatar?.src ?? '/social-card/home',
  });
}

function checkRange(page: number, total: number, pageSize: number): number {
  const totalPages = countPages(total, pageSize);
  if (page > totalPages) notFound();
  return totalPages;
}

export async function SectionFront({ slug, page }: { slug: string; page: number }) {
  const section = await getSectionBySlug(slug);
  if (!section) notFound();
  if (section.slug === NEWS_FEED_SLUG) return <NewsFeedFront name={section.name} description={section.description} page={page} />;
  const totalPages = checkRange(page, await countSectionArticles(section.id), FRONT_PAGE_SIZE);
  const articles = await listSectionArticles({
    sectionId: section.id,
    limit: FRONT_PAGE_SIZE,
    offset: (page - 1) * FRONT_PAGE_SIZE,
  });
  const base = `/${section.slug}`;
  return (
    <ArticleListPage
      title={section.name}
      description={section.description}
      articles={articles}
      showSection={false}
      page={page}
      leadFirst={page === 1}
      pager={<Pager base={base} page={page} totalPages={totalPages} />}
    />
  );
}

async function NewsFeedFront({ name, description, page }: { name: string; description: string; page: number }) {
  const [total, today] = await Promise.all([countNewsFeed(), getNewsroomToday()]);
  const totalPages = checkRange(page, total, NEWS_FEED_PAGE_SIZE);
  const items = await listNewsFeed({ limit: NEWS_FEED_PAGE_SIZE, offset: (page - 1) * NEWS_FEED_PAGE_SIZE });
  const base = `/${NEWS_FEED_SLUG}`;
  return (
    <div className="mx-auto max-w-3xl py-8">
      <header className="border-b-4 border-ink pb-6">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">{pageTitle(name, page)}</h1>
        {description ? <p className="mt-3 max-w-2xl font-serif text-lg text-muted">{description}</p> : null}
      </header>
      {page > 1 ? (
        <p className="mt-4 text-sm">
          <a href={pageHref(base, page - 1)} rel="prev" className="font-semibold text-accent hover:underline">
            ← Newer items
          </a>
        </p>
      ) : null}
      <NewsFeedList
        id="news-feed-list"
        items={items}
        timeZone={today.timeZone}
        now={new Date(today.iso)}
        headingLevel={2}
        variant="page"
      />
      {page < totalPages ? (
        <ShowMore
          href={pageHref(base, page + 1)}
          listId="news-feed-list"
          className="no-print mt-8 block border-2 border-ink py-3 text-center font-bold hover:bg-ink hover:text-paper"
        />
      ) : (
        <p className="mt-8 text-center text-sm text-muted">You have reached the end of the News Feed.</p>
      )}
    </div>
  );
}

export async function TagFront({ slug, page }: { slug: string; page: number }) {
  const tag = await getTagBySlug(slug);
  if (!tag) notFound();
  const totalPages = checkRange(page, await countTagArticles(tag.id), FRONT_PAGE_SIZE);
  const articles = await listTagArticles({ tagId: tag.id, limit: FRONT_PAGE_SIZE, offset: (page - 1) * FRONT_PAGE_SIZE });
  return (
    <ArticleListPage
      eyebrow="Topic"
      title={tag.name}
      description={tag.description}
      articles={articles}
      page={page}
      pager={<Pager base={`/tag/${tag.slug}`} page={page} totalPages={totalPages} />}
    />
  );
}

export async function AuthorFront({ slug, page }: { slug: string; page: number }) {
  const byline = await getBylineBySlug(slug);
  if (!byline) notFound();
  const totalPages = checkRange(page, await countBylineArticles(byline.id), FRONT_PAGE_SIZE);
  const articles: Card[] = await listBylineArticles({
    bylineId: byline.id,
    limit: FRONT_PAGE_SIZE,
    offset: (page - 1) * FRONT_PAGE_SIZE,
  });
  return (
    <ArticleListPage
      eyebrow={byline.jobTitle || (byline.kind === 'desk' ? 'Desk' : 'Author')}
      title={byline.name}
      description={byline.bio}
      articles={articles}
      page={page}
      pager={<Pager base={`/author/${byline.slug}`} page={page} totalPages={totalPages} />}
      header={
        byline.avatar ? (
          <Image
            src={byline.avatar.src}
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
