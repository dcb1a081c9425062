import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';

// "/tag/{slug}?page=N", rewritten here by next.config.ts so the page stays static.
export async function generateStaticParams() {
  return [{ slug: 'placeholder', page: '2' }];
}

export async function generateMetadata(props: PageProps<'/paged/tag/[slug]/[page]'>): Promise<Metadata> {
  const { slug, page } = await props.params;
  return frontMetadata('tag', slug, page);
}

export default async function TagPagedPage(props: PageProps<'/paged/tag/[slug]/[page]'>) {
  const { slug, page } = await props.params;
  return <FrontPage kind="tag" slug={slug} page={page} />;
}
