import type { ArticleCard } from '@/db/queries/articles';
import { formatTime, groupByDay } from '@/lib/time/dates';
import { NEWS_FEED_STYLES, type NewsFeedVariant } from '@/lib/site/news-feed-styles';

// News Feed items under day headings in the newsroom's zone. The data attributes are what
// "Show More" (show-more.tsx) reads from the next page to append items in place, and what it
// reads from this list to dress them as this list's own (news-feed-styles.ts).
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
  variant?: NewsFeedVariant;
}) {
  const groups = groupByDay(items, (a) => new Date(a.publishedAt), timeZone, now);
  const DayHeading = `h${headingLevel}` as 'h2' | 'h3';
  const styles = NEWS_FEED_STYLES[variant];
  return (
    <div
      id={id}
      data-feed-list=""
      data-feed-variant={variant}
      data-heading-level={headingLevel}
      tabIndex={-1}
      className="focus:outline-none"
    >
      {groups.map((g) => (
        <div key={g.key} data-feed-day={g.key} data-feed-part="group" className={styles.group}>
          <DayHeading data-feed-part="heading" className={styles.heading}>
            {g.label}
          </DayHeading>
          <ul data-feed-part="items" className={styles.items}>
            {g.items.map((a) => (
              <li key={a.id} data-article-id={a.id} data-feed-part="item" className={styles.item}>
                <time dateTime={a.publishedAt} data-feed-part="time" className={styles.time}>
                  {formatTime(new Date(a.publishedAt), timeZone)}
                </time>
                <a href={a.url} data-feed-part="link" className={styles.link}>
                  {a.title}
                </a>
                {styles.showDek && a.dek ? (
                  <p data-feed-part="dek" className="mt-1 max-w-2xl text-[0.95rem] text-muted">
                    {a.dek}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
