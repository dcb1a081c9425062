import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';

// "/{section}?page=N", rewritten here by next.config.ts so the page stays static.
export async function generateStaticParams() {
  return [{ section: 'news-feed', page: '2' }];
}

export async function generateMetadata(props: PageProps<'/paged/section/[section]/[page]'>): Promise<Metadata> {
  const { section, page } = await props.params;
  return frontMetadata('section', section, page);
}

export default async function SectionPagedPage(props: PageProps<'/paged/section/[section]/[page]'>) {
  const { section, page } = await props.params;
  return <FrontPage kind="section" slug={section} page={page} />;
}
