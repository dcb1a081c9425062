import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/not-found-content';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// The (search) layout already draws the masthead and footer. Without this file the root
// not-found (which draws them itself) would be the boundary here, and its copy of the whole
// chrome would ride along in every search response's payload.
export default function NotFound() {
  return <NotFoundContent />;
}
