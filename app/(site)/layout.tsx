import { SiteChrome } from '@/components/site/site-chrome';
import '../reader.css';

// Reader pages are served whole from the cache: the first request for a new
// address waits for the complete page, which is then stored and revalidated by tag.
export const ensureStatic = 'navigation';

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
