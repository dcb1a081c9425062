import Image from 'next/image';
import { ArticleCard } from '@/components/article/article-card';
import type { ArticleCard as Card } from '@/db/queries/articles';

// The top of the front: the lead story large, the desk's top stories beside it.
export function TopStories({ lead, top }: { lead: Card | null; top: Card[] }) {
  if (!lead) return <p className="py-12 text-center text-muted">No stories have been published yet.</p>;
  return (
    <section aria-labelledby="top-stories-heading" className="grid gap-8 md:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)]">
      <h2 id="top-stories-heading" className="sr-only">
        Top stories
      </h2>
      <article data-testid="lead-story" className="min-w-0">
        {lead.hero ? (
          <a href={lead.url} tabIndex={-1} aria-hidden="true" className="block bg-panel">
            <Image
              src={lead.hero.src}
              alt=""
              width={lead.hero.width}
              height={lead.hero.height}
              sizes="(min-width: 1280px) 600px, (min-width: 768px) 60vw, 100vw"
              preload
              fetchPriority="high"
              className="aspect-[3/2] w-full object-cover"
            />
          </a>
        ) : null}
        <p className="mt-3 text-xs font-bold tracking-wide text-accent uppercase">{lead.section.name}</p>
        <h3 className="mt-1 font-serif text-[2rem] leading-[1.1] font-bold tracking-tight text-balance sm:text-[2.6rem]">
          <a href={lead.url} className="hover:underline">
            {lead.title}
          </a>
        </h3>
        {lead.dek ? <p className="mt-3 font-serif text-lg leading-snug text-muted">{lead.dek}</p> : null}
        {lead.bylines.length > 0 ? (
          <p className="mt-3 text-xs font-semibold tracking-wide uppercase">
            By {lead.bylines.map((b) => b.name).join(' and ')}
          </p>
        ) : null}
      </article>
      <ul data-testid="top-stories" className="divide-y divide-rule md:border-l md:border-rule md:pl-6">
        {top.map((story, index) => (
          <li key={story.id} className={index === 0 ? 'pb-4' : 'py-4'}>
            {index === 0 ? (
              <ArticleCard article={story} headingLevel={3} />
            ) : (
              <article className="flex gap-3">
                <div className="min-w-0 flex-1">
                  <p className="mb-1 text-xs font-bold tracking-wide text-accent uppercase">{story.section.name}</p>
                  <h3 className="font-serif text-lg leading-snug font-bold">
                    <a href={story.url} className="hover:underline">
                      {story.title}
                    </a>
                  </h3>
                </div>
                {story.hero ? (
                  <Image
                    src={story.hero.src}
                    alt=""
                    width={96}
                    height={64}
                    sizes="96px"
                    className="h-14 w-20 shrink-0 bg-panel object-cover"
                  />
                ) : null}
              </article>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
