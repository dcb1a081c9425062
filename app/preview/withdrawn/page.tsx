import { notFound } from 'next/navigation';

// proxy.ts rewrites a share link the desk withdrew here. notFound() while prerendered fixes the
// status at 404, like /preview/expired; not-found.tsx beside this file says the link was withdrawn.
export default function WithdrawnPreviewPage() {
  notFound();
}
