import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getSiteSettings } from '@/db/queries/site';
import '../newsroom.css';

export const metadata: Metadata = {
  title: 'Sign in',
  robots: { index: false, follow: false },
};

// Rendered per request, whole: the page carries this response's CSP nonce (proxy.ts), which
// a prerendered shell could not.
export const instant = false;

export default async function LoginLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const { siteName } = await getSiteSettings();
  return (
    <div className="flex min-h-screen flex-col bg-panel">
      <header className="px-4 pt-10 pb-6 text-center">
        <a href="/" className="font-serif text-3xl font-bold tracking-tight no-underline">
          {siteName}
        </a>
        <p className="mt-1 text-xs font-semibold tracking-widest text-muted uppercase">Newsroom</p>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-16">
        <div className="rounded-lg border border-rule bg-paper p-6 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
