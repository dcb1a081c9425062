import type { Metadata } from 'next';
import { roleLabel } from '@/components/admin/role-label';
import { getSiteSettings } from '@/db/queries/site';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth-guards';
import { formatDateTime } from '@/lib/dates';
import { InviteForm, UserRowActions } from './user-forms';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requirePermission('user.manage');
  const [users, { timeZone }] = await Promise.all([listUsers(), getSiteSettings()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Users</h1>
        <p className="mt-1 text-muted">
          Invite people, set their role, disable accounts. Changes apply on the person&apos;s next request.
        </p>
      </div>

      <section aria-labelledby="invite-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="invite-title" className="mb-4 text-lg font-bold">
          Invite someone
        </h2>
        <InviteForm />
      </section>

      <section aria-labelledby="list-title" className="rounded-lg border border-rule bg-paper">
        <h2 id="list-title" className="border-b border-rule px-6 py-4 text-lg font-bold">
          Everyone <span className="font-normal text-muted">({users.length})</span>
        </h2>
        <ul className="divide-y divide-rule">
          {users.map((u) => (
            <li key={u.id} data-testid={`user-row-${u.email}`} className="grid gap-3 px-6 py-4 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-start">
              <div className="min-w-0">
                <p className="font-semibold">
                  {u.name}
                  {u.id === me.id ? <span className="font-normal text-muted"> (you)</span> : null}
                </p>
                <p className="truncate text-sm text-muted">{u.email}</p>
                <p className="mt-1 flex flex-wrap gap-2 text-xs">
                  <span data-testid="role-badge" className="rounded bg-panel px-1.5 py-0.5 font-semibold">{roleLabel(u.role)}</span>
                  {u.disabled ? <span className="rounded bg-accent px-1.5 py-0.5 font-semibold text-accent-ink">Disabled</span> : null}
                  {!u.hasPassword ? (
                    <span className="rounded border border-rule px-1.5 py-0.5">{u.linkPending ? 'Link sent, no password yet' : 'No password; link expired'}</span>
                  ) : null}
                  <span className="text-muted">
                    {u.lastSignInAt ? `Last signed in ${formatDateTime(u.lastSignInAt, timeZone)}` : 'Never signed in'}
                  </span>
                </p>
              </div>
              <UserRowActions id={u.id} name={u.name} role={u.role} disabled={u.disabled} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
