// An address in the newsroom that leads nowhere (a story, revision or upload that does not
// exist, or no longer does), inside the newsroom's own header.
export default function AdminNotFound() {
  return (
    <section aria-labelledby="not-found-title" className="rounded-lg border border-rule bg-paper p-8">
      <p className="text-xs font-bold tracking-widest text-accent uppercase">404</p>
      <h1 id="not-found-title" className="mt-1 font-serif text-2xl font-bold">
        Nothing here
      </h1>
      <p className="mt-2 text-sm text-muted">
        This page does not exist, or what it showed was deleted. Check the address, or find the article in the list.
      </p>
      <p className="mt-6 flex gap-6 text-sm">
        <a href="/admin/articles" className="font-semibold underline">
          All articles
        </a>
        <a href="/admin" className="font-semibold underline">
          Back to the dashboard
        </a>
      </p>
    </section>
  );
}
