import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminHeader } from '@/components/admin/admin-header';
import { getSiteSettings } from '@/db/queries/site';
import { requireUser } from '@/server/session';
import { signOutAction } from './actions';
import '../newsroom.css';

export const metadata: Metadata = {
  title: { default: 'Newsroom', template: '%s · Newsroom' },
  robots: { index: false, follow: false },
};

// The newsroom is rendered per request, whole: every response carries its own CSP nonce
// (proxy.ts), and nothing about a user may be prerendered or cached.
export const instant = false;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const [user, settings] = await Promise.all([requireUser(), getSiteSettings()]);
  return (
    <div className="min-h-screen bg-panel">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AdminHeader siteName={settings.siteName} user={user} signOut={signOutAction} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
