import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article/article-list-page';
import { getTagBySlug, listTagArticles } from '@/db/queries/taxonomy';

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/tag/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  const tag = await getTagBySlug(slug);
  if (!tag) return { title: 'Page not found', robots: { index: false } };
  return { title: tag.name, alternates: { canonical: `/tag/${tag.slug}` } };
}

export default async function TagPage(props: PageProps<'/tag/[slug]'>) {
  const { slug } = await props.params;
  const tag = await getTagBySlug(slug);
  if (!tag) notFound();
  const articles = await listTagArticles({ tagId: tag.id, limit: 30 });
  return <ArticleListPage eyebrow="Topic" title={tag.name} description={tag.description} articles={articles} />;
}
