import type { ArticleCard } from '@/db/queries/articles';
import { formatTime, groupByDay } from '@/lib/time/dates';

// News Feed items under day headings in the newsroom's zone. The data attributes are what
// "Show More" (show-more.tsx) reads from the next page to append items in place.
export function NewsFeedList({
  id,
  items,
  timeZone,
  now,
  headingLevel,
  variant = 'rail',
}: {
  id: string;
  items: ArticleCard[];
  timeZone: string;
  now: Date;
  headingLevel: 2 | 3;
  variant?: 'rail' | 'page';
}) {
  const groups = groupByDay(items, (a) => new Date(a.publishedAt), timeZone, now);
  const DayHeading = `h${headingLevel}` as 'h2' | 'h3';
  const page = variant === 'page';
  return (
    <div id={id} data-feed-list="" tabIndex={-1} className="focus:outline-none">
      {groups.map((g) => (
        <div key={g.key} data-feed-day={g.key} className={page ? 'mt-8' : 'mt-3'}>
          <DayHeading
            className={
              page
                ? 'border-b border-rule pb-2 text-sm font-extrabold tracking-wider uppercase'
                : 'text-xs font-bold tracking-wide text-muted uppercase'
            }
          >
            {g.label}
          </DayHeading>
          <ul className={page ? 'mt-2 border-l-2 border-accent' : 'mt-1 border-l-2 border-accent'}>
            {g.items.map((a) => (
              <li key={a.id} data-article-id={a.id} className={page ? 'relative py-3 pl-5' : 'relative py-2 pl-4'}>
                <time dateTime={a.publishedAt} className="block text-xs font-semibold text-accent">
                  {formatTime(new Date(a.publishedAt), timeZone)}
                </time>
                <a
                  href={a.url}
                  className={
                    page
                      ? 'font-serif text-lg leading-snug font-semibold hover:underline'
                      : 'text-[0.95rem] leading-snug font-medium hover:underline'
                  }
                >
                  {a.title}
                </a>
                {page && a.dek ? <p className="mt-1 max-w-2xl text-[0.95rem] text-muted">{a.dek}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
