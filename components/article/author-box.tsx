import type { ArticleByline } from '@/db/queries/articles';
import { Avatar } from './byline';

export function AuthorBox({ bylines }: { bylines: ArticleByline[] }) {
  if (bylines.length === 0) return null;
  return (
    <section
      data-testid="author-box"
      aria-labelledby="author-box-heading"
      className="mt-10 border-t border-rule pt-6"
    >
      <h2 id="author-box-heading" className="sr-only">
        About the {bylines.length > 1 ? 'authors' : 'author'}
      </h2>
      <ul className="space-y-6">
        {bylines.map((b) => (
          <li key={b.id} className="flex gap-4">
            <div className="shrink-0">
              <Avatar byline={b} size={64} />
            </div>
            <div>
              <p className="font-bold">{b.name}</p>
              {b.jobTitle ? <p className="text-sm text-muted">{b.jobTitle}</p> : null}
              {b.bio ? <p className="mt-1.5 font-serif text-[1.02rem] leading-relaxed">{b.bio}</p> : null}
              <a
                href={`/author/${b.slug}`}
                className="mt-2 inline-block text-sm font-semibold text-accent hover:underline"
              >
                Read more<span className="sr-only"> from {b.name}</span>
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
