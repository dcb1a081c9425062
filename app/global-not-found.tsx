import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/not-found-content';
import { SiteChrome } from '@/components/site/site-chrome';
import { fontVariables } from './fonts';
import './reader.css';

export { viewport } from './layout';

export const metadata: Metadata = { title: 'Page not found | The Gazette', robots: { index: false } };

// Addresses no route answers get the site's masthead and footer around the 404. Next renders
// this page on its own, without app/layout.tsx (experimental.globalNotFound in next.config.ts):
// unlike a root not-found.tsx, it is not sent along inside every page's payload.
export default function GlobalNotFound() {
  return (
    <html lang="en" className={fontVariables}>
      <body className="min-h-screen antialiased">
        <SiteChrome>
          <NotFoundContent />
        </SiteChrome>
      </body>
    </html>
  );
}
