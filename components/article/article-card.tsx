import Image from 'next/image';
import type { ArticleCard as Card } from '@/db/queries/articles';

// 'list': a thumbnail beside the headline on phones, a standard card from the small breakpoint.
type Variant = 'lead' | 'standard' | 'compact' | 'list';

// One article teaser. Headline is the link; the image is decorative beside it.
export function ArticleCard({
  article,
  variant = 'standard',
  headingLevel = 3,
  showSection = true,
  preloadImage = false,
}: {
  article: Card;
  variant?: Variant;
  headingLevel?: 2 | 3;
  showSection?: boolean;
  preloadImage?: boolean;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const headingClass =
    variant === 'lead'
      ? 'font-serif text-3xl leading-tight font-bold sm:text-4xl'
      : variant === 'compact'
        ? 'font-serif text-base leading-snug font-semibold'
        : variant === 'list'
          ? 'font-serif text-lg leading-snug font-bold sm:text-xl'
          : 'font-serif text-xl leading-snug font-bold';
  return (
    <article
      className={
        variant === 'compact'
          ? 'flex gap-3'
          : variant === 'lead'
            ? 'flex flex-col gap-3 md:grid md:grid-cols-[3fr_2fr] md:items-center md:gap-8'
            : variant === 'list'
              ? 'flex flex-row-reverse items-start gap-3 sm:flex-col sm:gap-2'
              : 'flex flex-col gap-2'
      }
    >
      {article.hero && variant !== 'compact' ? (
        <a
          href={article.url}
          tabIndex={-1}
          aria-hidden="true"
          className={`block overflow-hidden bg-panel${variant === 'list' ? ' w-28 shrink-0 sm:w-full' : ''}`}
        >
          <Image
            src={article.hero.src}
            alt=""
            width={article.hero.width}
            height={article.hero.height}
            sizes={
              variant === 'lead'
                ? '(min-width: 1024px) 800px, 100vw'
                : `(min-width: 1024px) 400px, (min-width: 640px) 50vw, ${variant === 'list' ? '112px' : '100vw'}`
            }
            preload={preloadImage}
            className={`${variant === 'list' ? 'aspect-[4/3] sm:aspect-[16/9]' : 'aspect-[16/9]'} w-full object-cover`}
          />
        </a>
      ) : null}
      <div className="min-w-0">
        {showSection ? (
          <p className="mb-1 text-xs font-bold tracking-wide text-accent uppercase">
            {article.section.name}
          </p>
        ) : null}
        <Heading className={headingClass}>
          <a href={article.url} className="hover:underline">
            {article.title}
          </a>
        </Heading>
        {variant !== 'compact' && article.dek ? (
          <p className="mt-1.5 text-[0.95rem] leading-snug text-muted">{article.dek}</p>
        ) : null}
        {article.bylines.length > 0 && variant !== 'compact' ? (
          <p className="mt-2 text-xs text-muted">
            By {article.bylines.map((b) => b.name).join(' and ')}
          </p>
        ) : null}
      </div>
    </article>
  );
}
