import Image from 'next/image';
import { listEditorsPicks, listMostPopular, listNewsFeed } from '@/db/queries/articles';
import { getNewsroomToday } from '@/db/queries/today';
import { NEWS_FEED_SLUG } from '@/lib/seo/news-feed';
import { NewsFeedList } from './news-feed-list';
import { ShowMore } from './show-more';

export function RailHeading({ id, children, href }: { id: string; children: string; href?: string }) {
  return (
    <h2 id={id} className="border-t-4 border-ink pt-2 text-sm font-extrabold tracking-wider uppercase">
      {href ? (
        <a href={href} className="hover:text-accent">
          {children}
        </a>
      ) : (
        children
      )}
    </h2>
  );
}

export async function MostPopularRail({ excludeId }: { excludeId?: number }) {
  const items = (await listMostPopular({ limit: 6 })).filter((a) => a.id !== excludeId).slice(0, 5);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="most-popular-heading">
      <RailHeading id="most-popular-heading">Most Popular</RailHeading>
      <ol className="mt-3 divide-y divide-rule">
        {items.map((a, i) => (
          <li key={a.id} className="flex gap-3 py-3">
            <span aria-hidden="true" className="w-6 shrink-0 font-serif text-3xl leading-none font-bold text-accent">
              {i + 1}
            </span>
            <a href={a.url} className="font-serif leading-snug font-semibold hover:underline">
              {a.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

export async function NewsFeedRail({ limit = 8 }: { limit?: number }) {
  const [items, today] = await Promise.all([listNewsFeed({ limit }), getNewsroomToday()]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="news-feed-heading">
      <RailHeading id="news-feed-heading" href={`/${NEWS_FEED_SLUG}`}>
        News Feed
      </RailHeading>
      <NewsFeedList
        id="news-feed-rail-list"
        items={items}
        timeZone={today.timeZone}
        now={new Date(today.iso)}
        headingLevel={3}
      />
      {/* The front's first page holds these items and the next ones; Show More appends the rest. */}
      <ShowMore href={`/${NEWS_FEED_SLUG}`} listId="news-feed-rail-list" />
    </section>
  );
}

export async function EditorsPicksRail({ excludeId }: { excludeId?: number }) {
  const items = (await listEditorsPicks()).filter((a) => a.id !== excludeId);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="editors-picks-heading">
      <RailHeading id="editors-picks-heading">Editors&apos; Picks</RailHeading>
      <ul className="mt-3 space-y-4">
        {items.map((a) => (
          <li key={a.id} className="flex gap-3">
            {a.hero ? (
              <Image
                src={a.hero.src}
                alt=""
                width={96}
                height={64}
                sizes="96px"
                className="h-16 w-24 shrink-0 bg-panel object-cover"
              />
            ) : null}
            <div>
              <p className="text-[0.7rem] font-bold tracking-wide text-accent uppercase">{a.section.name}</p>
              <a href={a.url} className="font-serif leading-snug font-semibold hover:underline">
                {a.title}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
