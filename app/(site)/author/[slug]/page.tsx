import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article/article-list-page';
import { getBylineBySlug, listBylineArticles } from '@/db/queries/taxonomy';

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/author/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  const byline = await getBylineBySlug(slug);
  if (!byline) return { title: 'Page not found', robots: { index: false } };
  return { title: byline.name, description: byline.bio, alternates: { canonical: `/author/${byline.slug}` } };
}

export default async function AuthorPage(props: PageProps<'/author/[slug]'>) {
  const { slug } = await props.params;
  const byline = await getBylineBySlug(slug);
  if (!byline) notFound();
  const articles = await listBylineArticles({ bylineId: byline.id, limit: 30 });
  return (
    <ArticleListPage
      eyebrow={byline.jobTitle || (byline.kind === 'desk' ? 'Desk' : 'Author')}
      title={byline.name}
      description={byline.bio}
      articles={articles}
      header={
        byline.avatar ? (
          <Image
            src={byline.avatar.src}
            alt=""
            width={96}
            height={96}
            className="my-3 size-24 rounded-full bg-panel object-cover"
          />
        ) : null
      }
    />
  );
}
