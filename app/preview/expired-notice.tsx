// What someone holding an out-of-date or withdrawn share link sees.
export function ExpiredPreviewNotice({ withdrawn = false }: { withdrawn?: boolean }) {
  return (
    <div className="mx-auto max-w-3xl py-16" data-testid={withdrawn ? 'preview-withdrawn' : 'preview-expired'}>
      <p className="text-sm font-bold tracking-wider text-accent uppercase">Preview</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">
        {withdrawn ? 'This preview link has been withdrawn' : 'This preview link has expired'}
      </h1>
      <p className="mt-4 text-lg text-muted">
        {withdrawn
          ? 'The newsroom has withdrawn the links to this preview. Ask the person who shared it for a new link, or read what is published on the front page.'
          : 'Preview links work for 24 hours. Ask the person who shared it for a new link, or read what is published on the front page.'}
      </p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
