import type { Metadata } from 'next';
import { AuthorFront, authorFrontMetadata } from '@/components/article/fronts';

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/author/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  return authorFrontMetadata(slug);
}

// Page 1; "?page=N" is served by app/(site)/paged/author (see next.config.ts).
export default async function AuthorPage(props: PageProps<'/author/[slug]'>) {
  const { slug } = await props.params;
  return <AuthorFront slug={slug} page={1} />;
}
