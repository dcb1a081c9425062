import { NotFoundContent } from '@/components/site/not-found-content';

// Never a loading state: reader pages are whole on their first response (the layout's
// `ensureStatic`), so this fallback is never sent in place of a page that exists. It is the
// <Suspense> boundary a page's notFound() lands in during the server render. Without one, the
// error escapes the whole document and Next answers with an empty recovery shell that only
// JavaScript fills in; with it, the 404's HTML holds the chrome and this content, the same
// content (site)/not-found.tsx renders once the page hydrates.
export default function NotFoundWhileRendering() {
  return <NotFoundContent />;
}
