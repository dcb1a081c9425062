import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/tag/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  return frontMetadata('tag', slug);
}

// Page 1; "?page=N" is served by app/(site)/paged/tag (see next.config.ts).
export default async function TagPage(props: PageProps<'/tag/[slug]'>) {
  const { slug } = await props.params;
  return <FrontPage kind="tag" slug={slug} />;
}
