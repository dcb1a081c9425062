import type { Metadata } from 'next';
import { WithdrawnNotice } from '@/components/site/withdrawn-notice';

export const metadata: Metadata = { title: 'Article withdrawn', robots: { index: false } };

// The server in front of Next renders this page for the address of an article that was public
// and is no longer, and answers it 410 Gone with the article's cache key (gateway/admission.mjs;
// db/queries/public-paths.ts decides). Next alone (next dev) answers such an address 404.
export default function WithdrawnPage() {
  return <WithdrawnNotice />;
}
