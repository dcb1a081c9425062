import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';

// "/author/{slug}?page=N", rewritten here by next.config.ts so the page stays static.
export async function generateStaticParams() {
  return [{ slug: 'placeholder', page: '2' }];
}

export async function generateMetadata(props: PageProps<'/paged/author/[slug]/[page]'>): Promise<Metadata> {
  const { slug, page } = await props.params;
  return frontMetadata('author', slug, page);
}

export default async function AuthorPagedPage(props: PageProps<'/paged/author/[slug]/[page]'>) {
  const { slug, page } = await props.params;
  return <FrontPage kind="author" slug={slug} page={page} />;
}
