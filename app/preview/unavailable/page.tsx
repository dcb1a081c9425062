import { notFound } from 'next/navigation';

// proxy.ts rewrites a preview request with neither a session nor a valid share link here:
// notFound() during prerendering gives the site's 404 page with a real 404 status.
export default function UnavailablePreviewPage() {
  notFound();
}
