import { notFound } from 'next/navigation';

// proxy.ts rewrites an expired share link here. Calling notFound() while the page is prerendered
// fixes the status at 404 (a request-time check would stream a 200); not-found.tsx beside this
// file says the link has expired.
export default function ExpiredPreviewPage() {
  notFound();
}
