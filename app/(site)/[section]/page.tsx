import type { Metadata } from 'next';
import { FrontPage, frontMetadata } from '@/app/(site)/_fronts/front';
import { listSections } from '@/db/queries/site';

export async function generateStaticParams() {
  const sections = await listSections();
  return sections.length > 0 ? sections.map((s) => ({ section: s.slug })) : [{ section: 'news' }];
}

export async function generateMetadata(props: PageProps<'/[section]'>): Promise<Metadata> {
  const { section } = await props.params;
  return frontMetadata('section', section);
}

// Page 1; "?page=N" is served by app/(site)/paged/section (see next.config.ts).
export default async function SectionPage(props: PageProps<'/[section]'>) {
  const { section } = await props.params;
  return <FrontPage kind="section" slug={section} />;
}
