import Image from 'next/image';
import type { ArticleCard as Card } from '@/db/queries/articles';

// One section on the front: its name as a link to the front, the newest story with a picture,
// three more as headlines.
export function SectionRail({ name, slug, stories }: { name: string; slug: string; stories: Card[] }) {
  if (stories.length === 0) return null;
  const [first, ...rest] = stories;
  const headingId = `section-${slug}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid="section-rail" className="border-t-4 border-ink pt-2">
      <h2 id={headingId} className="flex items-baseline justify-between">
        <a href={`/${slug}`} className="font-serif text-2xl font-bold hover:text-accent">
          {name}
          <span aria-hidden="true" className="ml-1 text-accent">
            ›
          </span>
        </a>
        <a href={`/${slug}`} className="text-xs font-bold tracking-wider text-muted uppercase hover:text-accent">
          More<span className="sr-only"> from {name}</span>
        </a>
      </h2>
      <div className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-1">
        {first ? (
          <article className="min-w-0">
            {first.hero ? (
              <a href={first.url} tabIndex={-1} aria-hidden="true" className="block bg-panel">
                <Image
                  src={first.hero.src}
                  alt=""
                  width={first.hero.width}
                  height={first.hero.height}
                  sizes="(min-width: 1024px) 440px, (min-width: 640px) 50vw, 100vw"
                  className="aspect-[16/9] w-full object-cover"
                />
              </a>
            ) : null}
            <h3 className="mt-3 font-serif text-xl leading-snug font-bold">
              <a href={first.url} className="hover:underline">
                {first.title}
              </a>
            </h3>
            {first.dek ? <p className="mt-1.5 text-[0.95rem] leading-snug text-muted">{first.dek}</p> : null}
          </article>
        ) : null}
        <ul className="divide-y divide-rule lg:border-t lg:border-rule">
          {rest.map((story) => (
            <li key={story.id} className="py-3 first:pt-0 lg:first:pt-3">
              <h3 className="font-serif text-[1.05rem] leading-snug font-semibold">
                <a href={story.url} className="hover:underline">
                  {story.title}
                </a>
              </h3>
              {story.bylines.length > 0 ? (
                <p className="mt-1 text-xs text-muted">By {story.bylines.map((b) => b.name).join(' and ')}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
