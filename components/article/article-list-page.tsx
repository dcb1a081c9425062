import type { ArticleCard as Card } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

// The shared body of section, tag and author pages: a heading block and a list.
export function ArticleListPage({
  eyebrow,
  title,
  description,
  articles,
  header,
  showSection = true,
}: {
  eyebrow?: string;
  title: string;
  description?: string;
  articles: Card[];
  header?: React.ReactNode;
  showSection?: boolean;
}) {
  return (
    <div className="py-8">
      <header className="border-b-4 border-ink pb-6">
        {eyebrow ? <p className="text-sm font-bold tracking-wider text-accent uppercase">{eyebrow}</p> : null}
        {header}
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">{title}</h1>
        {description ? <p className="mt-3 max-w-2xl font-serif text-lg text-muted">{description}</p> : null}
      </header>
      {articles.length === 0 ? (
        <p className="py-12 text-muted">Nothing has been published here yet.</p>
      ) : (
        <ul className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
          {articles.map((a) => (
            <li key={a.id}>
              <ArticleCard article={a} headingLevel={2} showSection={showSection} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
