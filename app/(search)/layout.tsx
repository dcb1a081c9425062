import { SiteChrome } from '@/components/site/site-chrome';
import '../reader.css';

// The search page reads its query string, so it is rendered per request and cannot sit in the
// (site) group, whose layout requires fully static pages. Same chrome, different rule.
export default function SearchLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
