import type { BreakingBanner as Banner } from '@/lib/site/home';
import { IslandScript } from './island-script';

// Reader pages are cached, and a cached page can outlive the banner's expiry (the cache entry is
// refreshed in the background, after at least five minutes). The breaking island
// (islands/breaking.ts) hides an expired banner in the reader's browser, on load and at the moment
// it expires while the page is open; the server's rendering stays the fallback without JavaScript.
export function BreakingBanner({ breaking }: { breaking: Banner }) {
  const label = (
    <span className="mr-3 inline-block bg-accent-ink px-2 py-0.5 text-xs font-extrabold tracking-widest text-accent uppercase">
      Breaking
    </span>
  );
  return (
    <section
      aria-label="Breaking news"
      data-testid="breaking-banner"
      data-island={breaking.expiresAt ? 'breaking' : undefined}
      data-expires-at={breaking.expiresAt ?? undefined}
      className="-mx-4 mt-0 bg-accent px-4 py-3 text-accent-ink">
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
      {breaking.expiresAt ? <IslandScript name="breaking" /> : null}
    </section>
  );
}
