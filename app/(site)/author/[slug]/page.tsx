import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/author/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  return frontMetadata('author', slug);
}

// Page 1; "?page=N" is served by app/(site)/paged/author (see next.config.ts).
export default async function AuthorPage(props: PageProps<'/author/[slug]'>) {
  const { slug } = await props.params;
  return <FrontPage kind="author" slug={slug} />;
}
