import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { INDEX_ROBOTS } from '@/lib/seo/metadata';
import { getSiteUrl } from '@/lib/site/url';

// Self-hosted (Latin subset) so nothing is fetched from a font service.
const serif = localFont({
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

const sans = localFont({
  src: [{ path: './fonts/inter-latin-wght-normal.woff2', style: 'normal', weight: '400 700' }],
  variable: '--font-inter',
  display: 'swap',
  adjustFontFallback: false,
  fallback: ['Gazette Sans Fallback', 'system-ui', 'Segoe UI', 'Roboto', 'sans-serif'],
});

export const metadata: Metadata = {
  title: { default: 'The Gazette', template: '%s | The Gazette' },
  description: 'News, analysis and the latest from the city.',
  // Relative canonical, Open Graph and feed URLs become absolute on SITE_URL.
  metadataBase: new URL(getSiteUrl()),
  robots: INDEX_ROBOTS,
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
