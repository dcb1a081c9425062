// Reader pages are cached, and a cached page can outlive the breaking-news banner's expiry. The
// reader's browser hides an expired banner itself, on load and at the moment it expires while
// the page is open; without JavaScript the server's rendering stands.
// Markup: components/site/breaking-banner.tsx (data-island="breaking" data-expires-at).
for (const banner of document.querySelectorAll<HTMLElement>('[data-island="breaking"]')) {
  const expires = Date.parse(banner.dataset.expiresAt ?? '');
  if (Number.isNaN(expires)) continue;
  const wait = expires - Date.now();
  if (wait <= 0) banner.remove();
  else setTimeout(() => banner.remove(), Math.min(wait + 250, 2_147_000_000));
}
