import localFont from 'next/font/local';

// The site's two faces, self-hosted (Latin subset) so nothing is fetched from a font service.
// Shared by the root layout and the 404 for addresses no route answers (app/global-not-found.tsx),
// which has no layout around it.

export const serif = localFont({
  src: [
    { path: './fonts/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '400 700' },
    { path: './fonts/source-serif-4-latin-wght-italic.woff2', style: 'italic', weight: '400' },
  ],
  variable: '--font-source-serif',
  display: 'swap',
  // Not preloaded: headlines and body start in the metric-matched fallback (app/styles.css)
  // and keep their place when the face swaps in, and the hero image and the page's
  // scripts get the bandwidth first (docs/performance.md).
  preload: false,
  adjustFontFallback: false,
  fallback: ['Gazette Serif Fallback', 'Georgia', 'serif'],
});

export const sans = localFont({
  src: [{ path: './fonts/inter-latin-wght-normal.woff2', style: 'normal', weight: '400 700' }],
  variable: '--font-inter',
  display: 'swap',
  adjustFontFallback: false,
  fallback: ['Gazette Sans Fallback', 'system-ui', 'Segoe UI', 'Roboto', 'sans-serif'],
});

export const fontVariables = `${serif.variable} ${sans.variable}`;
