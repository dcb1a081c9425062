import Image from 'next/image';
import { ArticleBody } from '@/components/article/article-body';
import { LightboxLink } from '@/components/article/lightbox-link';
import { AuthorBox } from '@/components/article/author-box';
import { Byline } from '@/components/article/byline';
import { LiveBadge, LiveKeyPoints, LiveUpdates } from '@/components/article/live-coverage';
import { EditorsPicksRail, MostPopularRail, NewsFeedRail } from '@/components/article/rails';
import { PrintSource } from '@/components/article/print-source';
import { RelatedStories } from '@/components/article/related-stories';
import { ShareBar } from '@/components/article/share-bar';
import { TagList } from '@/components/article/tag-list';
import type { ArticlePage } from '@/db/queries/articles';
import type { LiveCoverageView } from '@/db/queries/live';
import { noteKindLabel } from '@/lib/articles/corrections';
import { formatDateTime } from '@/lib/time/dates';
import { formatReadingTime } from '@/lib/articles/reading-time';

// The article as readers see it: the public route (app/(site)/[section]/[slug]) and the preview
// (app/preview) both render this, so a preview is exactly the page readers will get. The public
// route passes its JSON-LD as `head` and the view beacon as `end`; the preview passes neither, and
// `preview` so the related stories follow the latest save rather than the public page's cache.
// A story with live coverage passes it as `live` (components/article/live-coverage.tsx).
export function ArticlePageView({
  article,
  timeZone,
  head,
  end,
  preview = false,
  live,
}: {
  article: ArticlePage;
  timeZone: string;
  head?: React.ReactNode;
  end?: React.ReactNode;
  preview?: boolean;
  live?: LiveCoverageView | null;
}) {
  const tz = timeZone;
  const published = new Date(article.publishedAt);
  const updated = new Date(article.updatedAt);
  const wasUpdated = updated.getTime() - published.getTime() > 60_000;

  return (
    <div className="grid gap-x-12 gap-y-12 py-6 lg:grid-cols-[minmax(0,1fr)_300px] lg:py-10">
      <div className="w-full min-w-0 lg:mx-auto lg:max-w-3xl">
        <article>
          {head}
          <PrintSource path={article.url} />
          <header>
            <a
              data-testid="section-label"
              href={`/${article.section.slug}`}
              className="text-sm font-bold tracking-wider text-accent uppercase hover:underline"
            >
              {article.section.name}
            </a>
            {article.kicker ? (
              <span data-testid="kicker" className="text-sm font-bold tracking-wider text-ink uppercase">
                <span aria-hidden="true" className="mx-2 text-rule">
                  |
                </span>
                {article.kicker}
              </span>
            ) : null}
            <LiveBadge live={live} />
            <h1 className="mt-2 font-serif text-[2rem] leading-[1.12] font-bold tracking-tight text-balance sm:text-5xl">
              {article.title}
            </h1>
            {article.dek ? (
              <p data-testid="dek" className="mt-4 font-serif text-xl leading-snug text-muted sm:text-2xl">
                {article.dek}
              </p>
            ) : null}
            <div className="mt-6 flex flex-col gap-3 border-y border-rule py-4 sm:flex-row sm:items-center sm:justify-between">
              <Byline bylines={article.bylines} />
              <p className="text-xs text-muted sm:text-right">
                <time dateTime={article.publishedAt}>{formatDateTime(published, tz)}</time>
                {wasUpdated ? (
                  <>
                    <br />
                    Updated <time dateTime={article.updatedAt}>{formatDateTime(updated, tz)}</time>
                  </>
                ) : null}
                <span aria-hidden="true"> · </span>
                <span>{formatReadingTime(article.readingMinutes)}</span>
              </p>
            </div>
          </header>

          {article.hero ? (
            <figure className="mt-6">
              <LightboxLink
                href={article.hero.src}
                alt={article.hero.alt}
                caption={[article.hero.caption, article.hero.credit && `(${article.hero.credit})`].filter(Boolean).join(' ')}
                className="block"
              >
                <Image
                  src={article.hero.src}
                  alt={article.hero.alt}
                  width={article.hero.width}
                  height={article.hero.height}
                  sizes="(min-width: 1280px) 768px, (min-width: 1024px) 60vw, 100vw"
                  preload
                  fetchPriority="high"
                  className="aspect-[16/9] w-full bg-panel object-cover"
                />
              </LightboxLink>
              <figcaption className="figure-caption">
                {article.hero.caption}
                {article.hero.credit ? <span className="credit"> ({article.hero.credit})</span> : null}
              </figcaption>
            </figure>
          ) : null}

          <LiveKeyPoints live={live} />

          <div className="mt-8">
            <ArticleBody doc={article.body} media={article.media} />
          </div>

          <LiveUpdates live={live} timeZone={tz} />

          {article.corrections.length > 0 ? (
            <aside aria-label="Corrections" className="mt-8 max-w-[40rem] space-y-2 border-l-4 border-accent bg-panel p-4 text-sm">
              {article.corrections.map((c) => (
                <p key={c.at}>
                  <strong>{noteKindLabel(c)}:</strong> {c.text}{' '}
                  <time dateTime={c.at} className="text-muted">
                    ({formatDateTime(new Date(c.at), tz)})
                  </time>
                </p>
              ))}
              <p>
                <a href="/corrections" className="text-muted hover:text-accent hover:underline">
                  All corrections and updates
                </a>
              </p>
            </aside>
          ) : null}

          <div className="max-w-[40rem]">
            <ShareBar path={article.url} title={article.title} />
            <TagList tags={article.tags} />
            <AuthorBox bylines={article.bylines} />
          </div>
          {end}
        </article>
        <RelatedStories articleId={article.id} preview={preview} />
      </div>

      <aside aria-label="More news" className="space-y-10 lg:border-l lg:border-rule lg:pl-8">
        <MostPopularRail excludeId={article.id} />
        <NewsFeedRail />
        <EditorsPicksRail excludeId={article.id} />
      </aside>
    </div>
  );
}
