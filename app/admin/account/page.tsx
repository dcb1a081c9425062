import type { Metadata } from 'next';
import { roleLabel } from '@/components/admin/role-label';
import { getSiteSettings } from '@/db/queries/site';
import { getAccount, listOpenSessions } from '@/db/queries/users';
import { getCurrentSession, requirePermission } from '@/server/session';
import { formatDateTime } from '@/lib/time/dates';
import { describeUserAgent } from '@/platform/sessions';
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from './account-forms';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: PageProps<'/admin/account'>) {
  const user = await requirePermission('account.update_own');
  const [account, current, { timeZone }, params] = await Promise.all([getAccount(user.id), getCurrentSession(), getSiteSettings(), searchParams]);
  if (!account) return null;
  const sessions = await listOpenSessions(user.id, current?.sessionId ?? null);
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
      <section aria-labelledby="sessions-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="sessions-title" className="mb-1 text-lg font-bold">
          Where you are signed in
        </h2>
        <p className="mb-4 text-sm text-muted">
          Signed in on a computer you no longer use? Signing out everywhere ends every session of your account, this one too.
        </p>
        <ul data-testid="open-sessions" className="mb-4 divide-y divide-rule text-sm">
          {sessions.map((s, i) => (
            <li key={`${s.startedAt.getTime()}-${i}`} className="py-2">
              <span className="font-semibold">{describeUserAgent(s.userAgent)}</span>
              {s.current ? <span className="text-muted"> (this browser)</span> : null}
              <span className="text-muted">
                {' · '}
                {s.ip ?? 'address unknown'} · since {formatDateTime(s.startedAt, timeZone)}
              </span>
            </li>
          ))}
        </ul>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
