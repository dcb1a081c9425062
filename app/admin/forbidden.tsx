export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-title" className="rounded-lg border border-rule bg-paper p-8">
      <p className="text-xs font-bold tracking-widest text-accent uppercase">403</p>
      <h1 id="forbidden-title" className="mt-1 font-serif text-2xl font-bold">
        Your role does not open this page
      </h1>
      <p className="mt-2 text-sm text-muted">If you need it for your work, ask an administrator.</p>
      <p className="mt-6 text-sm">
        <a href="/admin" className="font-semibold underline">
          Back to the dashboard
        </a>
      </p>
    </section>
  );
}
