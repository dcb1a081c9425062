import type { Metadata } from 'next';
import { NOINDEX_ROBOTS } from '@/lib/seo/metadata';
import '../newsroom.css';

// Previews of unpublished articles (app/preview/[id]): rendered per request, never cached, never
// indexed. proxy.ts adds `X-Robots-Tag: noindex` and `Cache-Control: private, no-store` to every
// response under /preview, and answers 404 (or "expired") itself when there is neither a session
// nor a valid share link, so those get a real status code.
export const metadata: Metadata = { title: 'Preview', robots: NOINDEX_ROBOTS };

export const instant = false;

export default function PreviewLayout({ children }: { children: React.ReactNode }) {
  return children;
}
