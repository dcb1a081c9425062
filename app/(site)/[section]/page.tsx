import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article/article-list-page';
import { listSectionArticles } from '@/db/queries/articles';
import { getSectionBySlug, listSections } from '@/db/queries/site';

export async function generateStaticParams() {
  const sections = await listSections();
  return sections.length > 0 ? sections.map((s) => ({ section: s.slug })) : [{ section: 'news' }];
}

export async function generateMetadata(props: PageProps<'/[section]'>): Promise<Metadata> {
  const { section } = await props.params;
  const found = await getSectionBySlug(section);
  if (!found) return { title: 'Page not found', robots: { index: false } };
  return { title: found.name, alternates: { canonical: `/${found.slug}` } };
}

export default async function SectionPage(props: PageProps<'/[section]'>) {
  const { section } = await props.params;
  const found = await getSectionBySlug(section);
  if (!found) notFound();
  const articles = await listSectionArticles({ sectionId: found.id, limit: 30 });
  return <ArticleListPage title={found.name} articles={articles} showSection={false} />;
}
