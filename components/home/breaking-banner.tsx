import type { BreakingBanner as Banner } from '@/lib/home';

export function BreakingBanner({ breaking }: { breaking: Banner }) {
  const label = (
    <span className="mr-3 inline-block bg-accent-ink px-2 py-0.5 text-xs font-extrabold tracking-widest text-accent uppercase">
      Breaking
    </span>
  );
  return (
    <section aria-label="Breaking news" data-testid="breaking-banner" className="-mx-4 mt-0 bg-accent px-4 py-3 text-accent-ink">
      <p className="mx-auto max-w-7xl font-semibold">
        {label}
        {breaking.url ? (
          <a href={breaking.url} className="underline decoration-2 underline-offset-2 hover:no-underline">
            {breaking.text}
          </a>
        ) : (
          breaking.text
        )}
      </p>
    </section>
  );
}
