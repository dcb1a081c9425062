import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/not-found-content';
import { SiteChrome } from '@/components/site/site-chrome';
import './reader.css';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// Addresses that match no route at all still get the site's masthead and footer.
export default function GlobalNotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
