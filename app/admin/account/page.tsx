import type { Metadata } from 'next';
import { roleLabel } from '@/components/admin/role-label';
import { getAccount } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth-guards';
import { PasswordForm, ProfileForm } from './account-forms';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: PageProps<'/admin/account'>) {
  const user = await requirePermission('account.update_own');
  const [account, params] = await Promise.all([getAccount(user.id), searchParams]);
  if (!account) return null;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Your account</h1>
        <p className="mt-1 text-muted">
          {account.email} · {roleLabel(account.role)}
        </p>
      </div>
      {params.password === 'changed' ? (
        <p data-testid="form-message" className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
          Password changed. Your other sessions are signed out.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="profile-title" className="rounded-lg border border-rule bg-paper p-6">
          <h2 id="profile-title" className="mb-4 text-lg font-bold">
            Profile
          </h2>
          <ProfileForm name={account.name} bylineId={account.bylineId} bylines={account.bylineChoices} />
        </section>
        <section aria-labelledby="password-title" className="rounded-lg border border-rule bg-paper p-6">
          <h2 id="password-title" className="mb-4 text-lg font-bold">
            Password
          </h2>
          <PasswordForm />
        </section>
      </div>
    </div>
  );
}
