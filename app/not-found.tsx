import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// The last boundary for a notFound() no nearer not-found.tsx catches. Next sends this page
// inside the payload of every page of the site, so it stays this small; reader pages have their
// own (app/(site)/not-found.tsx; the search page never calls notFound()), the newsroom and
// previews too (app/admin/not-found.tsx, app/preview/not-found.tsx), and addresses no route
// answers get app/global-not-found.tsx.
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4">
        <a href="/" className="font-semibold text-accent underline">
          Go to the front page
        </a>
      </p>
    </main>
  );
}
