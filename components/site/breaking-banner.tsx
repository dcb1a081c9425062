'use client';

import { useSyncExternalStore } from 'react';
import type { BreakingBanner as Banner } from '@/lib/site/home';

// Reader pages are cached, and a cached page can outlive the banner's expiry (the cache entry
// is refreshed in the background, after at least five minutes). The reader's browser therefore
// hides an expired banner itself, on load and at the moment it expires while the page is open;
// the server's rendering stays the fallback without JavaScript.
function useExpired(expiresAt: string | null): boolean {
  const expires = expiresAt ? Date.parse(expiresAt) : NaN;
  return useSyncExternalStore(
    (onChange) => {
      if (Number.isNaN(expires)) return () => {};
      const wait = Math.min(Math.max(0, expires - Date.now()) + 250, 2_147_000_000);
      const timer = setTimeout(onChange, wait);
      return () => clearTimeout(timer);
    },
    () => !Number.isNaN(expires) && Date.now() >= expires,
    () => false,
  );
}

export function BreakingBanner({ breaking }: { breaking: Banner }) {
  const expired = useExpired(breaking.expiresAt);
  if (expired) return null;
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
