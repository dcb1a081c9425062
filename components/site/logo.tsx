// The wordmark on wider screens, the short mark on phones. One link, one name.
export function Logo({ siteName }: { siteName: string }) {
  const initial = siteName.replace(/^the\s+/i, '').charAt(0).toUpperCase() || 'G';
  return (
    <a href="/" aria-label={`${siteName} — home`} className="inline-flex items-center no-underline">
      <span
        aria-hidden="true"
        className="grid size-10 place-items-center bg-accent font-serif text-2xl font-bold text-accent-ink sm:hidden"
      >
        {initial}
      </span>
      <span
        aria-hidden="true"
        className="hidden font-serif text-4xl font-bold tracking-tight sm:inline lg:text-5xl"
      >
        {siteName}
      </span>
    </a>
  );
}
