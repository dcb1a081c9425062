import type { ArticleCard as Card } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

// The shared body of section, tag and author pages: a heading block, a list and its pager.
export function ArticleListPage({
  eyebrow,
  title,
  description,
  articles,
  header,
  showSection = true,
  page = 1,
  leadFirst = false,
  pager,
}: {
  eyebrow?: string;
  title: string;
  description?: string;
  articles: Card[];
  header?: React.ReactNode;
  showSection?: boolean;
  page?: number;
  leadFirst?: boolean;
  pager?: React.ReactNode;
}) {
  const [lead, ...others] = articles;
  const rest = leadFirst && lead ? others : articles;
  return (
    <div className="py-8">
      <header className="border-b-4 border-ink pb-6">
        {eyebrow ? <p className="text-sm font-bold tracking-wider text-accent uppercase">{eyebrow}</p> : null}
        {header}
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          {title}
          {page > 1 ? <span className="text-muted"> — page {page}</span> : null}
        </h1>
        {description ? <p className="mt-3 max-w-2xl font-serif text-lg text-muted">{description}</p> : null}
      </header>
      {articles.length === 0 ? (
        <p className="py-12 text-muted">Nothing has been published here yet.</p>
      ) : (
        <>
          {leadFirst && lead ? (
            <div className="mt-8 border-b border-rule pb-8">
              <ArticleCard article={lead} variant="lead" headingLevel={2} showSection={showSection} preloadImage />
            </div>
          ) : null}
          <ul data-testid="article-list" className="mt-8 grid gap-x-8 gap-y-6 divide-y divide-rule sm:grid-cols-2 sm:gap-y-10 sm:divide-y-0 lg:grid-cols-3">
            {rest.map((a) => (
              <li key={a.id} className="pb-6 sm:pb-0">
                <ArticleCard article={a} variant="list" headingLevel={2} showSection={showSection} />
              </li>
            ))}
          </ul>
        </>
      )}
      {pager}
    </div>
  );
}
