import type { Metadata, Viewport } from 'next';
import { INDEX_ROBOTS } from '@/lib/seo/metadata';
import { getSiteUrl } from '@/lib/site/url';
import { fontVariables } from './fonts';

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
    <html lang="en" className={fontVariables}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
