import type { Metadata } from 'next';
import { requirePage } from '@/app/(site)/require-page';
import { parsePageParam } from '@/lib/site/pagination';
import { CorrectionsList, correctionsMetadata } from '../../corrections-list';

// "/corrections?page=N", rewritten here by next.config.ts so the page stays static.
export async function generateStaticParams() {
  return [{ page: '2' }];
}

export async function generateMetadata(props: PageProps<'/corrections/page/[page]'>): Promise<Metadata> {
  const { page } = await props.params;
  const n = parsePageParam(page);
  return n ? correctionsMetadata(n) : { title: 'Page not found', robots: { index: false } };
}

export default async function CorrectionsPagedPage(props: PageProps<'/corrections/page/[page]'>) {
  const { page } = await props.params;
  return <CorrectionsList page={requirePage(page, '/corrections')} />;
}
