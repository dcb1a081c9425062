import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getValidOneTimeLink } from '@/db/queries/users';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function SetPasswordPage({ searchParams }: PageProps<'/login/set-password'>) {
  await connection();
  const { token } = await searchParams;
  const link = typeof token === 'string' && token.length <= 200 ? await getValidOneTimeLink(token) : null;
  if (!link || typeof token !== 'string') {
    return (
      <>
        <h1 className="mb-3 font-serif text-2xl font-bold">This link no longer works</h1>
        <p data-testid="link-invalid" className="text-sm">
          Sign-in links work once and expire after 72 hours. Ask an administrator for a new one.
        </p>
        <p className="mt-6 text-sm">
          <a href="/login" className="font-semibold underline">
            Go to sign-in
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 font-serif text-2xl font-bold">{link.kind === 'invite' ? 'Welcome to the newsroom' : 'Choose a new password'}</h1>
      <p className="mb-6 text-sm text-muted">
        Set the password for <strong className="text-ink">{link.email}</strong>. This link works once.
      </p>
      <SetPasswordForm token={token} />
    </>
  );
}
