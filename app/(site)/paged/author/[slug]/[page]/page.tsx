import type { Metadata } from 'next';
import { AuthorFront, authorFrontMetadata, requirePage } from '@/components/article/fronts';

// "/author/{slug}?page=N", rewritten here by next.config.ts so the page stays static.
export async function generateStaticParams() {
  return [{ slug: 'placeholder', page: '2' }];
}

export async function generateMetadata(props: PageProps<'/paged/author/[slug]/[page]'>): Promise<Metadata> {
  const { slug, page } = await props.params;
  return authorFrontMetadata(slug, page);
}

export default async function AuthorPagedPage(props: PageProps<'/paged/author/[slug]/[page]'>) {
  const { slug, page } = await props.params;
  return <AuthorFront slug={slug} page={requirePage(page, `/author/${slug}`)} />;
}
